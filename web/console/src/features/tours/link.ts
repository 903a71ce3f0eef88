/** An observer's personal link as a phone opens it: the server's path ('/o/<id>.<secret>') on the public address. */
export function fullLink(link: string, publicUrl: string): string {
  return new URL(link, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
}
