// Type-checks small consumer projects (each a folder with package.json, tsconfig.json and
// index.ts: what `tsc -p <folder> --noEmit` checks) with one given TypeScript, in one process:
//   node scripts/typecheck-consumers.mjs <typescript package folder> <project folder>...
// prints `{ "<project folder>": ["file(line,col): error TSnnnn: …", …], … }`.
//
// Why not one `tsc` per project: parsing the declarations every project shares (Node's, the DOM's,
// React's, Vue's, zod's) is most of a run, ~6 s of CPU each. Here each file is parsed once per
// module format and reused by every project, as an editor's language service does.
// Reported: every diagnostic of the project's own files and of the @wpay packages' declarations
// (as `skipLibCheck: false` would report them), none of the other libraries' (whose own typing
// is not ours to test).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const [typescriptDir, ...projects] = process.argv.slice(2);
const ts = createRequire(join(resolve(typescriptDir), 'package.json'))('typescript');

const parsed = new Map();
const results = {};
for (const project of projects) {
  const configPath = resolve(project, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options, fileNames, errors } = ts.parseJsonConfigFileContent(
    config,
    ts.sys,
    dirname(configPath),
  );
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const { languageVersion: target, impliedNodeFormat } =
      typeof languageVersion === 'object' ? languageVersion : { languageVersion };
    const key = `${fileName}\0${target}\0${impliedNodeFormat}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile(fileName, languageVersion, ...rest));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: fileNames, options, host });
  const ours = program
    .getSourceFiles()
    .filter(
      (file) => !file.fileName.includes('/node_modules/') || file.fileName.includes('/@wpay/'),
    );
  const diagnostics = [
    ...errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]),
  ];
  const root = resolve(project);
  results[project] = diagnostics.map((diagnostic) =>
    ts
      .formatDiagnostic(diagnostic, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      })
      .trim(),
  );
}
console.log(JSON.stringify(results));
