import type { Child } from 'hono/jsx';

export function Layout(props: { title: string; children: Child; refreshSeconds?: number | undefined; refreshUrl?: string | undefined }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="referrer" content="no-referrer" />
        {props.refreshSeconds ? <meta http-equiv="refresh" content={props.refreshUrl ? `${props.refreshSeconds};url=${props.refreshUrl}` : String(props.refreshSeconds)} /> : null}
        <title>{props.title}</title>
        <link rel="stylesheet" href="/assets/style.css" />
      </head>
      <body>
        <main>
          <header class="top">
            <a class="brand" href="/">ptrcheck</a>
            <span class="muted">reverse DNS and sender checks for mail deliverability</span>
          </header>
          {props.children}
          <footer>
            ptrcheck · <a href="/openapi.json">API (OpenAPI)</a> · <a href="/api/v1/rules">rules</a>
          </footer>
        </main>
      </body>
    </html>
  );
}
