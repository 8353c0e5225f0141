import { describe, expect, it } from 'vitest';
import { compactCss } from '../../src/styles/compact-css.ts';
import { contentSecurityPolicy, sha256Source } from '../../src/site/csp.ts';

describe('sha256Source', () => {
  it('is the base64 SHA-256 of the exact text (FIPS 180-2 test vector "abc")', () => {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad,
    // which in base64 is ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=.
    expect(sha256Source('abc')).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy({ inlineStyles: ['abc', 'abc'] });
  const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows only this site, and inline styles only by hash (each hash once)', () => {
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('style-src')).toBe("style-src 'self' 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'self'");
    expect(directive('form-action')).toBe("form-action 'self'");
    expect(directive('img-src')).toBe("img-src 'self' data:");
  });

  it('never allows unsafe-inline, unsafe-eval or any other host', () => {
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
  });
});

describe('compactCss', () => {
  it('drops comments and layout whitespace but keeps the space before a pseudo-class', () => {
    const css = '/* note */\n.a ,\n.b {\n  color : red ;\n  margin: 0 auto;\n}\n.x :focus { outline: none; }\n';
    expect(compactCss(css)).toBe('.a,.b{color :red;margin:0 auto}.x :focus{outline:none}');
  });
});
