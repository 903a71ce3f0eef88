/** A page-filling message: a title in big words, what to do, and the buttons that do it. */
import type { ComponentChildren } from 'preact';

export function Notice(props: { title: string; body?: string; tone?: 'ok' | 'late' | 'bad'; testid?: string; children?: ComponentChildren }) {
  return (
    <section class={`notice${props.tone ? ` ${props.tone}` : ''}`} role="status" aria-live="polite" data-testid={props.testid}>
      <h1>{props.title}</h1>
      {props.body && <p class="body">{props.body}</p>}
      {props.children}
    </section>
  );
}

/** What the page's header names: the class, and the lesson (or the trainee) once the server told us. */
export interface Heading {
  title: string;
  sub?: string;
}
