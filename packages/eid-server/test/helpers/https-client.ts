import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpsRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The server's (self-signed) certificate, PEM. */
  ca: string;
}

/** One HTTPS request trusting exactly the test server's certificate. */
export function httpsRequest(url: string, options: HttpsRequest): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        servername: 'localhost',
      },
      (response) => void readResponse(response).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A response read to its end: status, headers and the body as text. */
export function readResponse(response: IncomingMessage): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () =>
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    );
    response.on('error', reject);
  });
}

/** A Node stack frame ("at fn (/path/file.ts:12"): what no answer to a client may contain. */
export const stackTrace = /\bat (?:\S+ \()?(?:file:\/\/)?\/\S+\.(?:[cm]?js|ts):\d+/;
