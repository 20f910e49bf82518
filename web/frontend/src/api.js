// fetch helpers: same-origin credentials, CSRF header on POST, the server's
// {"error": "..."} message surfaced as the Error's message.

export class ApiError extends Error {
  /** status is the HTTP status, or 0 when the request never got an answer. */
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }

  /** Worth trying again later: no answer, rate limited, or the server is (re)starting. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') || '' : '';
}

async function send(url, options) {
  try {
    return await fetch(url, { credentials: 'same-origin', ...options });
  } catch (err) {
    throw new ApiError('Could not reach the server.', 0);
  }
}

async function readError(resp) {
  let message = '';
  try {
    const data = await resp.clone().json();
    if (data && typeof data.error === 'string') message = data.error;
  } catch (err) {
    // not JSON (a proxy's error page, say)
  }
  return new ApiError(message || `The server answered ${resp.status} ${resp.statusText}`.trim(), resp.status);
}

async function readJSON(resp) {
  if (!resp.ok) throw await readError(resp);
  try {
    return await resp.json();
  } catch (err) {
    // e.g. redirected to the login page after the session expired
    throw new ApiError('Unexpected answer from the server; try reloading the page.', resp.status);
  }
}

export async function getJSON(url) {
  const resp = await send(url, { headers: { Accept: 'application/json' } });
  return readJSON(resp);
}

/** POST a JSON body; `keepalive` lets the request outlive the page (sent while it closes). */
export async function postJSON(url, body, { keepalive = false } = {}) {
  const resp = await send(url, {
    method: 'POST',
    keepalive,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-CSRFToken': csrfToken(),
    },
    body: JSON.stringify(body),
  });
  return readJSON(resp);
}

/** An HTML fragment (already escaped by the server). */
export async function getHTML(url) {
  const resp = await send(url, { headers: { Accept: 'text/html' } });
  if (!resp.ok) throw await readError(resp);
  return resp.text();
}
