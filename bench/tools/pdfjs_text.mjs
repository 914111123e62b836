// A PDF's text as pdf.js gives it (Firefox's viewer, and the npm packages built on it such as pdf-parse).
// usage: node pdfjs_text.mjs MODE FILE.pdf > out.txt   (MODE: eol | pdfparse)
//        node pdfjs_text.mjs MODE --out DIR FILE.pdf...   (DIR/STEM.txt each: one process for many files)
//   eol:      items joined, a newline where pdf.js marks an end of line (what a copy from Firefox's viewer gives)
//   pdfparse: a newline whenever an item's y differs from the previous one's, else joined (pdf-parse 1.x)
// pdfjs-dist is found through NODE_PATH or a node_modules folder above this file.
import fs from 'fs';
import { createRequire } from 'module';

const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH + '/' : import.meta.url);
const root = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
const pdfjs = await import(root + 'legacy/build/pdf.mjs');
const [, , mode, ...rest] = process.argv;

async function text(file) {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(file)), cMapUrl: root + 'cmaps/', cMapPacked: true,
    standardFontDataUrl: root + 'standard_fonts/', verbosity: 0,
  }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const items = (await (await doc.getPage(i)).getTextContent()).items;
    let lastY = null;
    for (const it of items) {
      if (mode === 'eol') {
        out += it.str + (it.hasEOL ? '\n' : '');
      } else {
        const y = it.transform[5];
        out += (lastY === null || lastY === y ? '' : '\n') + it.str;
        lastY = y;
      }
    }
    out += mode === 'eol' ? '\n' : '\n\n';
  }
  await doc.destroy();
  return out;
}

if (rest[0] === '--out') {
  for (const file of rest.slice(2)) {
    const stem = file.split('/').pop().replace(/\.pdf$/, '');
    try {
      fs.writeFileSync(rest[1] + '/' + stem + '.txt', await text(file));
    } catch (e) {
      process.stderr.write(file + ': ' + e + '\n');
    }
  }
} else {
  process.stdout.write(await text(rest[0]));
}
