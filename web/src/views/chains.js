// The chain map: each chain's links as a graph from upstream to downstream, coloured by the
// link's rating; a link opens to its enterprises, the reasons for its rating and the candidates
// to attract (analysts).
import { get } from '../api.js';
import { withPeriod } from '../state.js';
import { chart } from '../charts.js';
import { t, lang, nameOf } from '../i18n.js';
import { money, growth, percent, esc } from '../format.js';

const colours = { strong: '#1e9e5a', weak: '#e0a100', at_risk: '#d33a2c', missing: '#9aa5b1' };

// Columns by the longest path from a link without upstream links; rows in order within a column.
function layout(links) {
  const depth = {};
  const byCode = Object.fromEntries(links.map((l) => [l.code, l]));
  const visit = (code, seen = new Set()) => {
    if (depth[code] !== undefined) return depth[code];
    if (seen.has(code)) return 0;
    seen.add(code);
    const up = byCode[code]?.upstream ?? [];
    depth[code] = up.length ? 1 + Math.max(...up.map((u) => visit(u, seen))) : 0;
    return depth[code];
  };
  links.forEach((l) => visit(l.code));
  const rows = {};
  return Object.fromEntries(
    links.map((l) => {
      const d = depth[l.code];
      rows[d] = (rows[d] ?? 0) + 1;
      return [l.code, { x: d * 220, y: rows[d] * 90 }];
    }),
  );
}

function details(link) {
  const members = link.members ?? [];
  const candidates = link.candidates ?? [];
  const related = link.related_industries ?? [];
  return `<h2>${esc(nameOf(link))} <span class="tag ${esc(link.status)}">${esc(t(link.status))}</span></h2>
    <dl class="facts"><dt>${esc(t('members'))}</dt><dd>${link.enterprises ?? '—'}</dd>
      <dt>${esc(t('annual_output'))}</dt><dd>${esc(money(link.annual_output))}</dd>
      <dt>${esc(t('growth'))}</dt><dd>${esc(growth(link.growth))}</dd>
      <dt>${esc(t('local_supply'))}</dt><dd>${esc(percent(link.supply?.local_share))}</dd></dl>
    ${(link.reasons ?? []).length ? `<h2>${esc(t('reasons'))}</h2><ul>${link.reasons.map((r) => `<li>${esc(lang() === 'zh' ? r.text_zh : r.text_en)}</li>`).join('')}</ul>` : ''}
    ${members.length ? `<h2>${esc(t('members'))}</h2><ul data-test="link-members">${members.map((m) => `<li><a href="#/enterprises/${esc(m.uscc)}">${esc(m.name)}</a></li>`).join('')}</ul>` : ''}
    ${related.length ? `<h2>${esc(t('related_industries'))}</h2><table data-test="link-related"><thead><tr><th></th><th class="num">${esc(t('density'))}</th><th class="num">${esc(t('cog'))}</th></tr></thead><tbody>${related.map((r) => `<tr><td>${esc(r.industry)} ${esc(r.name)}${r.present ? ` <span class="tag strong">${esc(t('present'))}</span>` : ''}</td><td class="num">${r.density.toFixed(3)}</td><td class="num">${r.cog.toFixed(3)}</td></tr>`).join('')}</tbody></table>` : ''}
    ${candidates.length ? `<h2>${esc(t('candidates'))}</h2><table><tbody>${candidates.map((c) => `<tr><td>${esc(c.name)}<div class="muted">${esc(c.why)}</div></td><td class="num">${c.score.toFixed(2)}</td></tr>`).join('')}</tbody></table>` : ''}`;
}

export default async function chains(main, [code]) {
  const overview = await get(withPeriod('chains'));
  const chosen = code ?? overview.chains[0]?.code;
  const report = chosen ? await get(withPeriod(`chains/${encodeURIComponent(chosen)}`)) : { chains: [] };
  const chain = report.chains[0];
  main.innerHTML = `<h1>${esc(t('chains'))}</h1>
    <div class="tabs">${overview.chains.map((c) => `<button type="button" data-chain="${esc(c.code)}" class="${c.code === chosen ? 'active' : ''}">${esc(nameOf(c))} · ${c.completeness.toFixed(0)}</button>`).join('')}</div>
    ${
      chain
        ? `<div class="grid two"><div class="card"><h2>${esc(nameOf(chain))} · ${esc(t('completeness'))} <span data-test="completeness">${chain.completeness.toFixed(1)}</span>
      · ${Object.entries(chain.counts)
        .map(([s, n]) => `<span class="tag ${s}">${esc(t(s))} ${n}</span>`)
        .join(' ')}</h2>
      <div class="chart tall" id="chain-graph" data-test="chain-graph"></div>
      <p class="muted">${esc(chain.chief ?? '')}</p></div>
      <div class="card" id="link-details"><p class="muted">${esc(t('link'))} →</p></div></div>`
        : ''
    }`;
  main
    .querySelectorAll('[data-chain]')
    .forEach((b) => (b.onclick = () => (location.hash = `#/chains/${b.dataset.chain}`)));
  if (!chain) return;
  const at = layout(chain.links);
  // A category per rating: the legend says what each colour means.
  const ratings = Object.keys(colours);
  const graph = chart(main.querySelector('#chain-graph'), {
    tooltip: { formatter: (p) => (p.dataType === 'node' ? `${esc(p.data.name)}<br>${esc(t(p.data.status))}` : '') },
    legend: { top: 0, data: ratings.map((r) => t(r)), selectedMode: false },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        top: 40,
        categories: ratings.map((r) => ({ name: t(r), itemStyle: { color: colours[r] } })),
        // Labels on a light ground beside the circle, moved apart where they would overlap.
        label: {
          show: true,
          position: 'right',
          distance: 4,
          fontSize: 12,
          backgroundColor: 'rgba(255,255,255,0.85)',
          padding: [1, 3],
        },
        labelLayout: { moveOverlap: 'shiftY' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        lineStyle: { color: '#8896a8', width: 1.5, curveness: 0.1 },
        data: chain.links.map((l) => ({
          id: l.code,
          name: nameOf(l),
          status: l.status,
          x: at[l.code].x,
          y: at[l.code].y,
          symbolSize: 16 + Math.min(20, Math.sqrt(l.annual_output ?? 0) / 25),
          category: ratings.indexOf(l.status),
        })),
        links: chain.links.flatMap((l) => (l.upstream ?? []).map((u) => ({ source: u, target: l.code }))),
      },
    ],
  });
  const show = (link) => {
    main.querySelector('#link-details').innerHTML = details(link);
  };
  graph.on('click', (p) => {
    if (p.dataType === 'node') show(chain.links.find((l) => l.code === p.data.id));
  });
  // Open on the first link that needs work.
  show(chain.links.find((l) => l.status !== 'strong') ?? chain.links[0]);
}
