// The few Mocha globals the browser tests use (@web/test-runner runs Mocha; its types are not a
// dependency of this package).
type TestFunction = (this: { timeout(ms: number): void }) => unknown;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: TestFunction): void;
declare function before(body: TestFunction): void;
declare function after(body: TestFunction): void;
declare function beforeEach(body: TestFunction): void;
declare function afterEach(body: TestFunction): void;
