import QRCode from 'qrcode';

/** An inline SVG QR code; medium error correction survives a smudged or folded receipt. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
