import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logging.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const opts = loggerOptions('info', 'case.notes') as pino.LoggerOptions;
  return { log: pino(opts, stream), lines };
}

describe('logs never contain personal data', () => {
  it('censors PESEL, names, addresses and contact data at any depth, and configured extra paths', () => {
    const { log, lines } = capture();
    log.info(
      {
        pesel: '44051401359',
        person: { firstName: 'Łukasz', lastName: 'Żółć', address: 'ul. Krakowska 1', email: 'l@example.pl' },
        case: { id: 'c1', notes: 'rodzina w kryzysie' },
      },
      'saved',
    );
    const out = lines.join('');
    for (const secret of ['44051401359', 'Łukasz', 'Żółć', 'Krakowska', 'l@example.pl', 'kryzysie']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"id":"c1"');
  });

  it('logs request URLs without the query string (searches may name a person)', () => {
    const { log, lines } = capture();
    log.info({ req: { id: 'r1', method: 'GET', url: '/api/persons?q=Kowalski' } }, 'incoming');
    expect(lines.join('')).toContain('"url":"/api/persons"');
    expect(lines.join('')).not.toContain('Kowalski');
  });
});
