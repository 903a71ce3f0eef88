import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePublicUrl, phoneUnreachable } from '../../src/domain/public-address.js';

describe('the public address phones reach the server at', () => {
  it('takes an http(s) origin as typed and keeps only the origin', () => {
    assert.deepEqual(parsePublicUrl(' https://leitai.example.cn/ '), { ok: true, origin: 'https://leitai.example.cn' });
    assert.deepEqual(parsePublicUrl('http://192.168.1.20:3000'), { ok: true, origin: 'http://192.168.1.20:3000' });
    assert.deepEqual(parsePublicUrl('HTTP://Leitai.Example.CN:443'), { ok: true, origin: 'http://leitai.example.cn:443' });
    assert.deepEqual(parsePublicUrl('https://leitai.example.cn:443'), { ok: true, origin: 'https://leitai.example.cn' });
  });

  it('refuses what would print links that go nowhere, naming why', () => {
    for (const [text, problem] of [
      ['leitai.example.cn', 'not_url'],
      ['not a url', 'not_url'],
      ['', 'not_url'],
      ['ftp://leitai.example.cn', 'scheme'],
      ['javascript:alert(1)', 'scheme'],
      ['http://admin:secret@leitai.example.cn', 'credentials'],
      ['http://leitai.example.cn/leitai', 'path'],
      ['http://leitai.example.cn/?x=1', 'path'],
      ['http://leitai.example.cn/?', 'path'],
      ['http://leitai.example.cn/#top', 'path'],
    ] as const) {
      assert.deepEqual(parsePublicUrl(text), { ok: false, problem }, text);
    }
  });

  it('knows the hosts a phone can never open: the device itself, or no device at all', () => {
    const cases: [string, ReturnType<typeof phoneUnreachable>][] = [
      ['http://localhost:3000', 'localhost'],
      ['http://LOCALHOST.:3000', 'localhost'],
      ['http://leitai.localhost', 'localhost'],
      ['http://127.0.0.1:3000', 'loopback'],
      ['http://127.8.9.10', 'loopback'],
      ['http://127.1', 'loopback'],
      ['http://2130706433', 'loopback'],
      ['http://[::1]:3000', 'loopback'],
      ['http://[::ffff:127.0.0.1]', 'loopback'],
      ['http://0.0.0.0:3000', 'unspecified'],
      ['http://[::]:3000', 'unspecified'],
      ['http://169.254.10.20', 'link-local'],
      ['http://[fe80::1]', 'link-local'],
      ['http://[febf::1]', 'link-local'],
      ['http://192.168.1.20:3000', null],
      ['http://10.0.0.5', null],
      ['http://172.16.0.1', null],
      ['http://[fd00::1]', null],
      ['http://[::ffff:192.168.1.2]', null],
      ['https://leitai.example.cn', null],
      ['http://leitai-server', null],
      ['http://128.0.0.1', null],
    ];
    for (const [url, expected] of cases) {
      const parsed = parsePublicUrl(url);
      assert.ok(parsed.ok, url);
      assert.equal(phoneUnreachable(parsed.origin), expected, url);
    }
  });
});
