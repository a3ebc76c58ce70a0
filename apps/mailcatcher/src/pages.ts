import type { SinkMessage } from '@tessera/testing';

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export type MessageView = 'html' | 'text' | 'headers';

interface PageContext {
  /** Nonce of this response's Content-Security-Policy, for the page's own scripts. */
  nonce: string;
  /** Where the SMTP side listens, shown in the header ("127.0.0.1:1025"). */
  smtpAddress: string;
}

export function inboxPage(messages: SinkMessage[], context: PageContext): string {
  const newestFirst = [...messages].reverse();
  const rows = newestFirst
    .map(
      (message) => `
      <tr>
        <td class="time">${timeElement(message.date)}</td>
        <td class="to" title="${escapeHtml(message.to.join(', '))}">${escapeHtml(message.to.join(', '))}</td>
        <td class="subject">
          <a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || '(no subject)')}</a>
          <span class="snippet">${escapeHtml(snippet(message))}</span>
        </td>
      </tr>`,
    )
    .join('');
  const content =
    messages.length === 0
      ? `<div class="empty">
          <p class="empty-title">No mail yet</p>
          <p>Send mail to SMTP <code>${escapeHtml(context.smtpAddress)}</code> and it shows up here.</p>
        </div>`
      : `<table class="inbox">
          <thead><tr><th class="time">Received</th><th class="to">To</th><th>Subject</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>`;
  const latestId = newestFirst[0]?.id ?? '';
  return layout({
    title: messages.length ? `Inbox (${messages.length}) · Mail catcher` : 'Inbox · Mail catcher',
    context,
    actions: messages.length ? '<button type="button" id="clear" class="button">Clear all</button>' : '',
    body: `
      <div class="heading">
        <h1>Inbox</h1>
        <span class="count">${messages.length} ${messages.length === 1 ? 'message' : 'messages'}</span>
      </div>
      ${content}`,
    script: `
      const state = { count: ${messages.length}, latestId: ${jsonForScript(latestId)} };
      const status = document.getElementById('status');
      async function poll() {
        try {
          const response = await fetch('/api/summary', { cache: 'no-store' });
          const summary = await response.json();
          status.hidden = true;
          if (summary.count !== state.count || summary.latestId !== state.latestId) location.reload();
        } catch {
          status.hidden = false;
        }
      }
      setInterval(poll, 3000);
      const clear = document.getElementById('clear');
      if (clear) clear.addEventListener('click', async () => {
        clear.disabled = true;
        await fetch('/api/messages', { method: 'DELETE' });
        location.reload();
      });`,
  });
}

export function messagePage(message: SinkMessage, view: MessageView, context: PageContext): string {
  const tabs = (['html', 'text', 'headers'] as const)
    .map((tab) => {
      const label = { html: 'HTML', text: 'Text', headers: 'Headers' }[tab];
      const current = tab === view ? ' aria-current="page"' : '';
      return `<a href="?view=${tab}"${current}>${label}</a>`;
    })
    .join('');

  let content: string;
  let script = '';
  if (view === 'html') {
    content = message.html
      ? `<iframe id="body" class="html-body" title="HTML body" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
           srcdoc="${escapeHtml(openLinksInNewTab(message.html))}"></iframe>`
      : '<p class="none">This message has no HTML part.</p>';
    // The sandbox forbids scripts inside the message, so its height is measured from here.
    script = `
      const frame = document.getElementById('body');
      function fit() {
        const doc = frame && frame.contentDocument;
        if (doc && doc.documentElement) frame.style.height = Math.max(doc.documentElement.scrollHeight, 200) + 'px';
      }
      if (frame) { frame.addEventListener('load', fit); window.addEventListener('resize', fit); fit(); }`;
  } else if (view === 'text') {
    content = message.text
      ? `<pre class="text-body">${linkify(message.text)}</pre>`
      : '<p class="none">This message has no text part.</p>';
  } else {
    const rows = Object.entries(message.headers)
      .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
      .join('');
    content = `<table class="headers">${rows}</table>`;
  }

  const meta: Array<[string, string]> = [
    ['From', escapeHtml(message.headers.from ?? message.from)],
    ['To', escapeHtml(message.headers.to ?? message.to.join(', '))],
  ];
  if (message.headers.cc) meta.push(['Cc', escapeHtml(message.headers.cc)]);
  const shown = `${message.headers.to ?? ''} ${message.headers.cc ?? ''}`.toLowerCase();
  const bcc = message.to.filter((address) => !shown.includes(address.toLowerCase()));
  if (bcc.length) meta.push(['Bcc', escapeHtml(bcc.join(', '))]);
  meta.push(['Date', timeElement(message.date, true)]);
  if (message.attachments.length) {
    const list = message.attachments
      .map(
        (a) =>
          `${escapeHtml(a.filename ?? '(unnamed)')} <span class="muted">${escapeHtml(a.contentType)}, ${formatSize(a.size)}</span>`,
      )
      .join('<br>');
    meta.push(['Attachments', list]);
  }

  return layout({
    title: `${message.subject || '(no subject)'} · Mail catcher`,
    context,
    body: `
      <a class="back" href="/">← Inbox</a>
      <article class="message">
        <header class="message-header">
          <h1>${escapeHtml(message.subject || '(no subject)')}</h1>
          <dl class="meta">${meta.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>
        </header>
        <nav class="tabs" aria-label="View">${tabs}</nav>
        <div class="view view-${view}">${content}</div>
      </article>`,
    script,
  });
}

export function notFoundPage(context: PageContext): string {
  return layout({
    title: 'Not found · Mail catcher',
    context,
    body: `
      <a class="back" href="/">← Inbox</a>
      <div class="empty">
        <p class="empty-title">This message is not here</p>
        <p>It may have been cleared, or the mail catcher was restarted.</p>
      </div>`,
  });
}

function layout(page: {
  title: string;
  context: PageContext;
  body: string;
  actions?: string;
  script?: string;
}): string {
  const { nonce, smtpAddress } = page.context;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
<header class="bar">
  <a class="brand" href="/">Mail catcher</a>
  <span class="smtp">SMTP ${escapeHtml(smtpAddress)}</span>
  <span id="status" class="status" hidden>Not connected</span>
  <span class="spacer"></span>
  ${page.actions ?? ''}
</header>
<main>${page.body}
</main>
<script nonce="${nonce}">
  for (const time of document.querySelectorAll('time[datetime]')) {
    const date = new Date(time.dateTime);
    const today = date.toDateString() === new Date().toDateString();
    time.textContent = time.dataset.full !== undefined
      ? date.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'medium' })
      : today ? date.toLocaleTimeString() : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    time.title = date.toString();
  }
  ${page.script ?? ''}
</script>
</body>
</html>
`;
}

/** Server-side text is replaced by the browser's local format; the fallback is UTC. */
function timeElement(date: Date, full = false): string {
  const iso = date.toISOString();
  const fallback = `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  return `<time datetime="${iso}"${full ? ' data-full' : ''}>${fallback}</time>`;
}

function snippet(message: SinkMessage): string {
  const source =
    message.text || message.html.replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  const flat = source
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 140 ? `${flat.slice(0, 140)}…` : flat;
}

/** Makes links in the message open in a new tab rather than inside the frame. */
function openLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length);
  return base + html;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;

/** Escapes plain text, turning http(s) URLs into links. */
function linkify(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const index = match.index ?? 0;
    result += escapeHtml(text.slice(last, index));
    const url = escapeHtml(match[0]);
    result += `<a href="${url}" target="_blank" rel="noreferrer">${url}</a>`;
    last = index + match[0].length;
  }
  return result + escapeHtml(text.slice(last));
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A JSON value that is safe inside a <script> element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLES = `
  :root {
    color-scheme: light dark;
    --bg: #f6f7f9; --panel: #fff; --text: #1d2330; --muted: #6b7280; --line: #e3e6eb;
    --accent: #2f6fdf; --hover: #f0f4fc; --bar: #1d2330; --bar-text: #f3f4f6;
  }
  @media (prefers-color-scheme: dark) {
    :root { --bg: #15181e; --panel: #1d2129; --text: #e6e8ec; --muted: #9aa1ad; --line: #2e333d;
            --accent: #7aa7ff; --hover: #252b36; --bar: #0e1014; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--text);
         font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  a { color: var(--accent); }
  code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
  .bar { display: flex; align-items: center; gap: 16px; min-height: 52px; padding: 8px 24px; background: var(--bar); color: var(--bar-text); }
  .brand { color: inherit; font-weight: 600; font-size: 15px; text-decoration: none; }
  .smtp { color: #a8b0bd; font-size: 13px; }
  .status { background: #b42318; color: #fff; border-radius: 10px; padding: 1px 8px; font-size: 12px; }
  .spacer { flex: 1; }
  .button { font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 6px; cursor: pointer;
            border: 1px solid #4b5563; background: transparent; color: inherit; }
  .button:hover { background: #2c3444; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  .heading { display: flex; align-items: baseline; gap: 12px; margin-bottom: 16px; }
  h1 { margin: 0; font-size: 22px; font-weight: 600; }
  .count, .muted { color: var(--muted); }
  .inbox { width: 100%; border-collapse: collapse; background: var(--panel); border: 1px solid var(--line);
           border-radius: 8px; overflow: hidden; table-layout: fixed; }
  .inbox th { text-align: left; font-weight: 600; font-size: 12px; color: var(--muted); text-transform: uppercase;
              letter-spacing: .04em; padding: 10px 14px; border-bottom: 1px solid var(--line); }
  .inbox td { padding: 10px 14px; border-bottom: 1px solid var(--line); vertical-align: top;
              overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .inbox tbody tr { position: relative; }
  .inbox tbody tr:last-child td { border-bottom: 0; }
  .inbox tbody tr:hover { background: var(--hover); }
  .inbox .time { width: 170px; color: var(--muted); }
  .inbox .to { width: 28%; }
  .inbox .subject a { color: var(--text); font-weight: 600; text-decoration: none; }
  .inbox .subject a::after { content: ""; position: absolute; inset: 0; }
  .snippet { color: var(--muted); margin-left: 8px; }
  .empty { background: var(--panel); border: 1px dashed var(--line); border-radius: 8px; padding: 48px 24px;
           text-align: center; color: var(--muted); }
  .empty-title { font-size: 16px; font-weight: 600; color: var(--text); margin: 0 0 4px; }
  .back { display: inline-block; margin-bottom: 12px; text-decoration: none; }
  .message { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
  .message-header { padding: 20px 24px 8px; }
  .meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 14px 0 8px; }
  .meta dt { color: var(--muted); }
  .meta dd { margin: 0; overflow-wrap: anywhere; }
  .tabs { display: flex; gap: 4px; padding: 0 24px; border-bottom: 1px solid var(--line); }
  .tabs a { padding: 8px 12px; text-decoration: none; color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px; }
  .tabs a:hover { color: var(--text); }
  .tabs a[aria-current] { color: var(--text); border-bottom-color: var(--accent); font-weight: 600; }
  .view { padding: 0; }
  .html-body { display: block; width: 100%; min-height: 60vh; border: 0; background: #fff; }
  .text-body { margin: 0; padding: 20px 24px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
  .none { padding: 20px 24px; margin: 0; color: var(--muted); }
  .headers { width: 100%; border-collapse: collapse; font-size: 13px; }
  .headers th, .headers td { text-align: left; vertical-align: top; padding: 6px 24px; border-bottom: 1px solid var(--line); }
  .headers th { width: 1%; white-space: nowrap; color: var(--muted); font-weight: 500; }
  .headers td { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
`;
