// The custom server's guard (scripts/serve.mjs): every response gets its security headers first, and every
// request handed to Next must have a path that is valid percent-encoding and a body within its route family's
// limit, refused before a byte past the limit is read. A declared Content-Length over the limit is refused at once
// (before 100-continue); a chunked body is held here, at most the limit, and handed on only once it has ended.
import http from 'node:http';
import { BODY_LIMITS, errorBody, routeFamily } from './route-families.mjs';
import { headerSets, headerSettings, securityHeadersFor } from './security-headers.mjs';

const HOLD = Symbol('hold');
const push = http.IncomingMessage.prototype.push;
/** After a refusal, how long the rest of an upload is read and dropped so the client sees the 413, not a reset. */
const LINGER_MS = 2_000;

/** The server's request class: while a body is held, the parser's chunks go to the holder instead of the stream. */
export class GuardedRequest extends http.IncomingMessage {
  /** @type {((chunk: Buffer | null) => boolean) | null} */
  [HOLD] = null;

  /** @param {Buffer | null} chunk @param {BufferEncoding} [encoding] */
  push(chunk, encoding) {
    const hold = this[HOLD];
    return hold ? hold(chunk) : push.call(this, chunk, encoding);
  }
}

let sets = null;
const headersOf = (pathname) => securityHeadersFor((sets ??= headerSets(headerSettings(process.env))), pathname);

const pathOf = (url) => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

/** Sets the response's security headers; whoever answers later keeps them unless it sets one itself. */
export function secureResponse(req, res) {
  for (const [name, value] of headersOf(pathOf(req.url ?? '/'))) res.setHeader(name, value);
}

function refuse(req, res, status, code, message) {
  const { contentType, body } = errorBody(routeFamily(pathOf(req.url ?? '/')), status, code, message);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), Connection: 'close', 'Cache-Control': 'no-store' });
  res.end(body);
  // A socket closed with unread data resets, and the client may lose the answer: so half-close instead (the
  // server's Connection: close ends it through destroySoon), drop what still arrives, and close a moment later.
  const socket = req.socket;
  req[HOLD] = () => true;
  req.resume();
  if (socket) {
    socket.destroySoon = () => socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  }
}

function tooLarge(req, res, limit) {
  refuse(req, res, 413, 'payload_too_large', `The request body exceeds ${limit} bytes`);
}

/** Refuses what can be refused from the request line and headers alone; true when it has answered. */
function refusedUpFront(req, res) {
  const pathname = pathOf(req.url ?? '/');
  try {
    decodeURIComponent(pathname);
  } catch {
    refuse(req, res, 400, 'invalid_path', 'The URL path is not valid percent-encoding');
    return true;
  }
  const limit = BODY_LIMITS[routeFamily(pathname)];
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    tooLarge(req, res, limit);
    return true;
  }
  return false;
}

/** Calls `next` once the request is known to be within limits; otherwise answers it (400 or 413). */
export function withinLimits(req, res, next) {
  if (refusedUpFront(req, res)) return;
  // A declared length within the limit is all the parser will deliver; only a chunked body needs counting.
  if (req.headers['transfer-encoding'] === undefined) return next();
  const limit = BODY_LIMITS[routeFamily(pathOf(req.url ?? '/'))];
  const chunks = [];
  let size = 0;
  req[HOLD] = (chunk) => {
    if (chunk === null) {
      req[HOLD] = null;
      for (const c of chunks) push.call(req, c);
      push.call(req, null);
      process.nextTick(next);
      return false;
    }
    size += chunk.length;
    if (size > limit) {
      chunks.length = 0;
      tooLarge(req, res, limit);
      return true;
    }
    chunks.push(chunk);
    return true;
  };
}

/** `Expect: 100-continue`: a body declared too large is refused before the client sends it. */
export function answerExpectContinue(server) {
  server.on('checkContinue', (req, res) => {
    secureResponse(req, res);
    if (refusedUpFront(req, res)) return;
    res.writeContinue();
    server.emit('request', req, res);
  });
}
