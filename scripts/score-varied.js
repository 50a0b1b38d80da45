#!/usr/bin/env node
// `node scripts/score-varied.js FROM TO`: precision, recall and tables located on the varied generated
// sheets of seeds FROM..TO (tests/core/generators/varied.ts), with the first misses.
require('./ts-register');
const path = require('path');
const { scoreVaried } = require(path.join(__dirname, '..', 'tests', 'core', 'generators', 'scoreVaried.ts'));

const [from, to] = process.argv.slice(2).map(Number);
const s = scoreVaried(from || 1, to || 300, { cleanEvery: 4, maxNotes: Number(process.env.NOTES || 30) });
console.log(`seeds ${from || 1}-${to || 300}: precision ${s.precision.toFixed(4)} (${s.tp}/${s.tp + s.fp})  recall ${s.recall.toFixed(4)} (${s.tp}/${s.tp + s.fn})  tables ${s.located}/${s.tables} (${(s.locatedRate * 100).toFixed(1)}%)  clean sheets with alarms ${s.cleanAlarms}`);
for (const n of s.notes) console.log('  ' + n);
