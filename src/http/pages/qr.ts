/** QR codes as inline SVG: the token slips' links and the public address's test code. */
import QRCode from 'qrcode';

export async function qrSvg(url: string): Promise<string> {
  // Medium error correction survives a smudge; the SVG scales to the slip without blurring when printed.
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
