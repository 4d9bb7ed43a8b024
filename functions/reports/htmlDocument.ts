import { html, SafeHtml } from './safeHtml.ts';

/**
 * What the product's HTML documents allow themselves: inline styles and data: images, nothing else, so
 * even markup that slipped past escaping could not run; a server's own CSP header may only be stricter.
 */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface HtmlDocumentParts {
  title: string;
  stylesheet: SafeHtml;
  /** The line above the title: which document this is. */
  eyebrow: string;
  /** The line under the title: when it was made and how to read it. */
  meta: SafeHtml;
  sections: readonly SafeHtml[];
}

/**
 * A self-contained HTML5 document, as the monthly report and the weekly brief are: it fetches nothing,
 * runs no script, states its own policy, and reads the same on screen, offline and on paper.
 */
export const htmlDocument = ({ title, stylesheet, eyebrow, meta, sections }: HtmlDocumentParts): string =>
  html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${stylesheet}</style>
</head>
<body>
<header>
<p class="eyebrow">${eyebrow}</p>
<h1>${title}</h1>
<p class="meta">${meta}</p>
</header>
<main>
${sections.map((section) => html`${section}
`)}</main>
</body>
</html>
`.markup;
