// Runs the official TypeScript client's own compiled control-plane integration tests
// (@pinecone-database/pinecone 3.0.3, dist/integration/control/*.test.js, shipped in its npm
// package) against the emulator, with the few Jest globals they use (describe, test, beforeAll,
// afterAll, expect with toEqual / toContain / toBeDefined / toBeGreaterThan / .not, and
// expect.assertions). Prints one JSON line: every test with ok/detail.
//
//   PINECONE_API_KEY=k PINECONE_CONTROLLER_HOST=http://127.0.0.1:PORT node ts_sdk_runner.js FILE...
'use strict';

const util = require('node:util');

function deepEqual(a, b) {
  // Jest's toEqual: recursive equality that ignores properties whose value is undefined.
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && +a === +b;
  const keys = (o) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

let assertionsExpected = null;
let assertionsMade = 0;

function expect(actual) {
  const check = (pass, what, expected, negate) => {
    assertionsMade += 1;
    if (pass === negate) {
      throw new Error(
        `expected ${util.inspect(actual, { depth: 4 })} ${negate ? 'not ' : ''}${what} ${util.inspect(expected, { depth: 4 })}`
      );
    }
  };
  const matchers = (negate) => ({
    toEqual: (e) => check(deepEqual(actual, e), 'to equal', e, negate),
    toBe: (e) => check(Object.is(actual, e), 'to be', e, negate),
    toContain: (e) => check(actual != null && actual.includes(e), 'to contain', e, negate),
    toBeDefined: () => check(actual !== undefined, 'to be defined', '', negate),
    toBeUndefined: () => check(actual === undefined, 'to be undefined', '', negate),
    toBeGreaterThan: (e) => check(actual > e, 'to be greater than', e, negate),
    toBeTruthy: () => check(Boolean(actual), 'to be truthy', '', negate),
  });
  return { ...matchers(false), not: matchers(true) };
}
expect.assertions = (n) => {
  assertionsExpected = n;
};

const root = { name: '', tests: [], children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] };
let current = root;

function describe(name, body) {
  const suite = { name, tests: [], children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], parent: current };
  current.children.push(suite);
  current.tests.push({ suite });
  const saved = current;
  current = suite;
  body();
  current = saved;
}
describe.skip = () => {};
function test(name, body) {
  current.tests.push({ name, body });
}
test.skip = (name) => current.tests.push({ name, skip: true });

Object.assign(global, {
  describe,
  test,
  it: test,
  expect,
  beforeAll: (f) => current.beforeAll.push(f),
  afterAll: (f) => current.afterAll.push(f),
  beforeEach: (f) => current.beforeEach.push(f),
  afterEach: (f) => current.afterEach.push(f),
});

const results = [];

async function run(suite, path, eachChain) {
  const name = [...path, suite.name].filter(Boolean).join(' > ');
  try {
    for (const hook of suite.beforeAll) await hook();
  } catch (error) {
    results.push({ test: `${name} (beforeAll)`, ok: false, detail: String(error && error.stack) });
    return;
  }
  const chain = [...eachChain, suite];
  for (const item of suite.tests) {
    if (item.suite) {
      await run(item.suite, [...path, suite.name], chain);
      continue;
    }
    const label = `${name} > ${item.name}`;
    if (item.skip) {
      results.push({ test: label, ok: true, skipped: true, detail: 'test.skip in the SDK' });
      continue;
    }
    assertionsExpected = null;
    assertionsMade = 0;
    try {
      for (const s of chain) for (const hook of s.beforeEach) await hook();
      await item.body();
      for (const s of chain.slice().reverse()) for (const hook of s.afterEach) await hook();
      if (assertionsExpected !== null && assertionsExpected !== assertionsMade) {
        throw new Error(`expected ${assertionsExpected} assertions, made ${assertionsMade}`);
      }
      results.push({ test: label, ok: true, detail: `${assertionsMade} assertions` });
    } catch (error) {
      results.push({ test: label, ok: false, detail: String(error && error.stack).slice(0, 1500) });
    }
  }
  try {
    for (const hook of suite.afterAll) await hook();
  } catch (error) {
    results.push({ test: `${name} (afterAll)`, ok: false, detail: String(error && error.stack) });
  }
}

(async () => {
  for (const file of process.argv.slice(2)) {
    root.tests = [];
    root.children = [];
    current = root;
    require(file);
    await run(root, [file.split('/').pop()], []);
  }
  process.stdout.write(JSON.stringify(results) + '\n');
})();
