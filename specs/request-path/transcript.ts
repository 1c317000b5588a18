import { secretsOf, type RunConfig } from './config';

/**
 * The transcript of a test: every request it sent and every answer it got, redacted, with a curl
 * line per request that reproduces it. Attached to the report only when the test fails.
 */
export interface Exchange {
  method: string;
  url: string;
  /** Which credential the request carried, by variable name (`QOMON_TOKEN`), or how it was broken. */
  credential: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseText: string;
}

/**
 * How much of a body a message or a step title may carry: a few KB, so that an assertion on a
 * 2 MiB request does not copy it into every report. The attachment of a failed test keeps bodies
 * whole up to the larger cap.
 */
export const MESSAGE_BODY_CHARS = 2_000;
export const ATTACHMENT_BODY_CHARS = 64_000;

export class Redactor {
  /** `secrets` maps each secret value to the variable that holds it. */
  constructor(private readonly secrets: ReadonlyMap<string, string>) {}

  /** Every token of a run, each shown as `<VARIABLE>`: the one redactor of the suite and its reporters. */
  static forRun(config: RunConfig): Redactor {
    return new Redactor(secretsOf(config));
  }

  /** This redactor, plus more secrets (the Authorization value of one request). */
  with(more: ReadonlyMap<string, string>): Redactor {
    return new Redactor(new Map([...this.secrets, ...more]));
  }

  /**
   * This redactor, plus the Authorization value one request sent when it hides no token the run
   * knows: a token cut short, with its case swapped, or a Basic pair in base64 is still most of a
   * secret, and a server may echo it whole or without its scheme. A value that carries a known
   * token needs nothing more: the token shows as its variable (`Bearer <QOMON_TOKEN>`).
   */
  withCredential(sent: string): Redactor {
    if (this.redact(sent) !== sent) return this;
    const credential = sent.slice(sent.indexOf(' ') + 1);
    return this.with(
      new Map([
        [sent, 'Authorization'],
        ...(credential !== sent && credential.length > 0 ? [[credential, 'Authorization'] as const] : []),
      ]),
    );
  }

  redact(text: string): string {
    let out = text;
    const longestFirst = [...this.secrets.entries()].sort(([a], [b]) => b.length - a.length);
    for (const [secret, variable] of longestFirst) {
      if (secret) out = out.split(secret).join(`<${variable}>`);
    }
    return out;
  }
}

/** A word for a POSIX shell: as it is when nothing in it is special, else single-quoted. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Keeps the start and the end of a long text, which is where a JSON body says what it is. */
export function shortenMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor(max / 2);
  return `${text.slice(0, half)}…[${text.length - 2 * half} of ${text.length} chars cut]…${text.slice(-half)}`;
}

export class Transcript {
  readonly exchanges: Exchange[] = [];

  constructor(readonly redactor: Redactor) {}

  record(exchange: Exchange): void {
    this.exchanges.push(exchange);
  }

  /**
   * A curl line that replays the request. The token is never written: the Authorization header
   * names the variable that holds it, so the line works in a shell where that variable is set.
   */
  curl(exchange: Exchange, maxBody = MESSAGE_BODY_CHARS): string {
    const parts = ['curl -sS -i', '-X', exchange.method, shellQuote(exchange.url)];
    for (const [name, value] of Object.entries(exchange.requestHeaders)) {
      if (name.toLowerCase() === 'authorization') {
        parts.push('-H', `"Authorization: ${this.redactor.redact(value).replace(/<([A-Z_]+)>/g, '$$$1')}"`);
      } else {
        parts.push('-H', shellQuote(`${name}: ${this.redactor.redact(value)}`));
      }
    }
    if (exchange.requestBody !== undefined)
      parts.push('--data-raw', shellQuote(shortenMiddle(this.redactor.redact(exchange.requestBody), maxBody)));
    return parts.join(' ');
  }

  /** One exchange for a message (bodies of a few KB at most) or, with a larger `maxBody`, an attachment. */
  describe(exchange: Exchange, maxBody = MESSAGE_BODY_CHARS): string {
    const response = shortenMiddle(this.redactor.redact(exchange.responseText), maxBody) || '(empty body)';
    const headers = Object.entries(exchange.responseHeaders)
      .filter(([name]) => /^(content-type|ratelimit|x-ratelimit|retry-after)/i.test(name))
      .map(([name, value]) => `  ${name}: ${this.redactor.redact(value)}`)
      .join('\n');
    return [
      `${exchange.method} ${new URL(exchange.url).pathname} (${exchange.credential}) → ${exchange.status}`,
      `  $ ${this.curl(exchange, maxBody)}`,
      headers,
      `  ${response.replace(/\n/g, '\n  ')}`,
    ]
      .filter(Boolean)
      .join('\n');
  }

  toText(maxBody = ATTACHMENT_BODY_CHARS): string {
    if (this.exchanges.length === 0) return '(no request was sent)';
    return this.exchanges.map((exchange, index) => `#${index + 1} ${this.describe(exchange, maxBody)}`).join('\n\n');
  }
}
