/** Live reload for `broadsheet dev`: a server-sent-events channel and the script that listens to it. */
import type http from 'node:http';

/** The path of the event stream, under the site's base path. */
export const EVENTS_PATH = '__broadsheet/events';

/** The script the dev server adds to every HTML page it serves (never to the built files). */
export function reloadScript(basePath: string): string {
  return `<script>new EventSource(${JSON.stringify(basePath + EVENTS_PATH)}).addEventListener('reload', () => location.reload());</script>`;
}

/** Keeps the open event streams and tells them all to reload. */
export class ReloadChannel {
  private readonly clients = new Set<http.ServerResponse>();

  /** Answers an EventSource request and keeps it open. */
  attach(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  /** Sends a reload event to every open page. */
  reload(): void {
    for (const res of this.clients) res.write('event: reload\ndata: {}\n\n');
  }

  /** Closes every stream. */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
