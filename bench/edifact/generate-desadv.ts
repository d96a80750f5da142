import { writeInterchange } from '../write-interchange.js';

/** The service string advice the file opens with: the default delimiters, given explicitly. */
export const UNA = "UNA:+.? '";

/**
 * Writes a D96A DESADV interchange of about `megabytes` MB. Each message's packing hierarchy (SG10 CPS) is a
 * pallet holding ten cartons, each package with its SSCC (SG11 PAC, SG13 PCI, SG14 GIN), each carton with
 * three line items (SG15 LIN, QTY). Every tenth message names a party and carries a handling note with
 * released delimiters (?+ and ?'), so that the parsers meet release characters too.
 */
export function generateDesadv(file: string, megabytes: number): Promise<void> {
  return writeInterchange(file, megabytes, {
    header: `${UNA}\nUNB+UNOC:3+5412345000013:14+5412345000020:14+250107:1305+000000001'\n`,
    body(message) {
      const reference = String(message);
      const released = message % 10 === 0;
      const sscc = (pack: number) => `38712345${String(message * 11 + pack).padStart(10, '0')}`;
      const segments = [
        `UNH+${reference}+DESADV:D:96A:UN`,
        `BGM+351+DES${reference}+9`,
        'DTM+137:20250107:102',
        'DTM+11:202501071305:203',
        `RFF+ON:PO${reference}`,
        'NAD+SU+5412345000013::9',
        `NAD+DP+5412345000020::9++${released ? 'SMITH ?+ SONS DC' : 'THREEPL DC'}`,
        'CPS+1',
        'PAC+1++PX',
        'PCI+33E',
        `GIN+BJ+${sscc(0)}`,
      ];
      let line = 0;
      for (let carton = 1; carton <= 10; carton += 1) {
        segments.push(`CPS+${carton + 1}+1`);
        if (released && carton === 1) segments.push("FTX+HAN+++DON?'T STACK");
        segments.push('PAC+1++CT', 'PCI+33E', `GIN+BJ+${sscc(carton)}`);
        for (let item = 0; item < 3; item += 1) {
          line += 1;
          segments.push(`LIN+${line}++871234500001${item}:EN`, 'QTY+12:24');
        }
      }
      segments.push(`CNT+2:${line}`);
      segments.push(`UNT+${segments.length + 1}+${reference}`);
      return `${segments.join("'\n")}'\n`;
    },
    trailer: (messages) => `UNZ+${messages}+000000001'\n`,
  });
}
