// The Markdown table of bench/README.md, rendered from results.json's shape.

function num(value) {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(abs >= 1 ? 2 : 3);
}

const pct = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–');

function targetText(figure) {
  if (!figure.target) return '';
  const { on, rule, met } = figure.target;
  return `${met ? '✅' : '❌'} ${on} ${rule[0]} ${rule[1]}`;
}

/** One table per section: every figure per variant with median, spread, ratio and verdict. */
export function renderTable(results) {
  const { machine } = results;
  const lines = [
    `Last run: ${results.date} · Node ${results.node} · ${machine.cpus} × ${machine.model} · ` +
      `load average ${machine.loadAverageBefore.map((n) => n.toFixed(2)).join(' ')} (before), ` +
      `${machine.loadAverageAfter.map((n) => n.toFixed(2)).join(' ')} (after)` +
      (results.quick ? ' · **--quick**' : '') +
      (results.complete === false ? ' · **incomplete: still running, or cut short**' : ''),
    '',
    'Spread = interquartile range ÷ median over the runs. A ratio is called a change only when it ' +
      'departs from 1 by more than the larger spread of the two figures.',
  ];
  for (const section of results.sections) {
    lines.push(
      '',
      `### ${section.title}`,
      '',
      `${section.runs} run(s), variants interleaved; ${
        section.baseline ? `baseline **${section.baseline}**` : 'no baseline'
      }. Source: \`${section.file}\`.`,
      '',
      '| figure | variant | median | spread | min – max | baseline | ratio | Δ | verdict | target |',
      '|---|---|--:|--:|--:|--:|--:|--:|---|---|',
    );
    for (const figure of section.figures) {
      const unit = figure.unit ? ` ${figure.unit}` : '';
      const budget = figure.budget
        ? ` ${figure.budget.ok ? '✅' : '❌'} budget ${figure.budget.rule.join(' ')}`
        : '';
      lines.push(
        `| ${figure.name} | ${figure.variant} | ${num(figure.median)}${unit} | ${pct(figure.spread)} | ${num(
          figure.min,
        )} – ${num(figure.max)} | ${figure.baseline ? num(figure.baseline.median) : ''} | ${
          figure.baseline ? `${num(figure.ratio)}×` : ''
        } | ${figure.baseline ? num(figure.delta) : ''} | ${figure.verdict ?? ''} | ${targetText(
          figure,
        )}${budget} |`,
      );
    }
  }
  if (results.failures.length > 0) {
    lines.push('', '**Failures**', '', ...results.failures.map((text) => `- ${text}`));
  }
  return lines.join('\n');
}
