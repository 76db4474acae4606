/**
 * A small PDF-looking file of `size` bytes. The filler holds every byte value, so a
 * download that passed through a text decoding would not come back the same.
 */
export function samplePdf(size = 600): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  const filler = Buffer.alloc(Math.max(size - head.length - tail.length, 0), 0);
  for (let i = 0; i < filler.length; i++) filler[i] = i % 256;
  return Buffer.concat([head, filler, tail]);
}
