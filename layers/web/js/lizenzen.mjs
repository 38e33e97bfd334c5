// Writes ../static/LIZENZEN.txt: the licence texts of what viewer.js bundles (three.js, MIT).
import { readFileSync, writeFileSync } from 'node:fs';

const three = JSON.parse(readFileSync('node_modules/three/package.json', 'utf8'));
const text = [
  'Der Web-Zwilling (viewer.js) enthält folgende Bibliotheken aus dem npm-Verzeichnis:',
  '',
  `three ${three.version} – ${three.homepage} – Lizenz ${three.license}`,
  '',
  readFileSync('node_modules/three/LICENSE', 'utf8').trim(),
  '',
  'Stadtzwilling selbst steht unter der EUPL-1.2. Die Daten sind offene Daten der Gemeinde.',
  '',
].join('\n');
writeFileSync('../static/LIZENZEN.txt', text);
