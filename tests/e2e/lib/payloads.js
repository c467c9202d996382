// Hostile strings for tests/e2e/specs/hostile-content.spec.js: markup, scripts, URLs, CSS,
// event handlers, bidi overrides, control characters and a very long word. Every one that could
// run sets window.__pwned or calls alert(), so the spec can tell that nothing ran.
/** A single word too long for any column: layout must wrap or cut it, not widen the page. */
const LONG = 'W'.repeat(200) + 'end';
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"><circle r="1"/></svg>',
  '<svg><script>alert(4)</script></svg>',
  'javascript:window.__pwned=5',
  '<a href="javascript:alert(6)">click me 6</a>',
  '"><img src=x onerror=alert(7)>',
  "'><body onload=alert(8)>",
  '<style>body{display:none}</style>style 9',
  '<div style="position:fixed;inset:0;background:red">cover 10</div>',
  '<iframe src="javascript:alert(11)"></iframe>',
  '{{constructor.constructor("alert(12)")()}} ${alert(12)}',
  'invoice\u202Egnp.exe 13',
  'ctl\u0007\u001b[31mred\u0008 14',
  LONG,
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>',
  '&lt;b&gt;entity&amp;17',
  '<form action="javascript:alert(18)"><button>go 18</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(19)">',
  '<object data="data:text/html,<script>alert(20)</script>"></object>',
  '<base href="//evil.example/">21',
  '<link rel="stylesheet" href="//evil.example/x.css">22',
  '%3Cscript%3Ealert(23)%3C%2Fscript%3E',
  '\u2067\u05d0\u05d1 isolate 24\u2069 \u202Bembed\u202C',
  '[click 25](javascript:alert(25))',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgyNik8L3NjcmlwdD4=',
];

module.exports = { PAYLOADS, LONG };
