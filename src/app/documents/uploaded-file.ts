/** What an upload hands the use cases: the bytes in a temporary file, already hashed and counted (http/upload.ts). */
export interface UploadedFile {
  path: string;
  sha256: string;
  size: number;
  /** The name as the browser sent it; cleaned before it is shown or stored. */
  clientName: string;
}
