// Rewrites `import { ChevronRightRegular } from "@fluentui/react-icons"` (inside Fluent UI's own packages) into
// imports of the per-icon module "@fluentui/react-icons/svg/chevron-right". Through the barrel, webpack keeps
// every icon chunk that holds one used icon (~2.3 MB) and the minimizer spends most of the build dropping them
// again; per-icon modules keep the bundle and the build small. An import it cannot map stays as it was.
const fs = require('fs');
const path = require('path');

const ICONS_ROOT = path.dirname(require.resolve('@fluentui/react-icons/package.json'));
const ATOMS = path.join(ICONS_ROOT, 'lib', 'atoms', 'svg');
const IMPORT_RE = /import\s*\{([^}]*)\}\s*from\s*(["'])@fluentui\/react-icons\2\s*;?/g;
const atomExports = new Map();

function exportsOf(atom) {
  if (!atomExports.has(atom)) {
    const file = path.join(ATOMS, `${atom}.js`);
    let names = null;
    if (fs.existsSync(file)) {
      names = new Set([...fs.readFileSync(file, 'utf8').matchAll(/export const (\w+)\s*=/g)].map((m) => m[1]));
    }
    atomExports.set(atom, names);
  }
  return atomExports.get(atom);
}

/** ChevronRight12Regular → chevron-right, when that atom really exports the name. */
function atomFor(name) {
  const m = /^([A-Z][A-Za-z0-9]*?)(\d+)?(Regular|Filled|Color|Light)$/.exec(name);
  if (!m) return null;
  const atom = m[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const names = exportsOf(atom);
  return names && names.has(name) ? atom : null;
}

module.exports = function fluentIconAtomsLoader(source) {
  if (!source.includes('@fluentui/react-icons')) return source;
  return source.replace(IMPORT_RE, (whole, specifiers, quote) => {
    const byAtom = new Map();
    const rest = [];
    for (const raw of specifiers.split(',')) {
      const spec = raw.trim();
      if (!spec) continue;
      const imported = spec.split(/\s+as\s+/)[0].trim();
      const atom = atomFor(imported);
      if (!atom) rest.push(spec);
      else byAtom.set(atom, [...(byAtom.get(atom) || []), spec]);
    }
    const out = [...byAtom].map(([atom, specs]) => `import { ${specs.join(', ')} } from ${quote}@fluentui/react-icons/svg/${atom}${quote};`);
    if (rest.length) out.push(`import { ${rest.join(', ')} } from ${quote}@fluentui/react-icons${quote};`);
    return out.join('\n');
  });
};
