import { writeInterchange } from '../write-interchange.js';

/** Writes an 004010 856 interchange of about `megabytes` MB: shipments of orders, packs and items (HL S/O/P/I). */
export function generate856(file: string, megabytes: number): Promise<void> {
  return writeInterchange(file, megabytes, {
    header: 'ISA*00*          *00*          *ZZ*SUPPLIER       *ZZ*THREEPL        *250107*1305*U*00401*000000001*0*P*>~\nGS*SH*SUPPLIER*THREEPL*20250107*1305*1*X*004010~\n',
    body(set) {
      const control = String(set).padStart(9, '0');
      const segments = [`ST*856*${control}`, `BSN*00*ASN${control}*20250107*1305`, 'HL*1**S', 'TD1*CTN25*10****G*120.5*LB', 'TD5**2*UPSN', `REF*BM*BOL${control}`, 'DTM*011*20250107', 'N1*ST*THREEPL DC*92*0042', 'HL*2*1*O', `PRF*PO${control}`];
      let hl = 2;
      for (let pack = 0; pack < 10; pack += 1) {
        hl += 1;
        const packId = hl;
        segments.push(`HL*${packId}*2*P`, `MAN*GM*00012345678${String(set * 10 + pack).padStart(7, '0')}`);
        for (let item = 0; item < 3; item += 1) {
          hl += 1;
          segments.push(`HL*${hl}*${packId}*I`, `LIN**UP*0123456789${item}2*VP*SKU-${item}`, 'SN1**12*EA', 'PO4*1*12*EA');
        }
      }
      segments.push(`CTT*${hl}`);
      segments.push(`SE*${segments.length + 1}*${control}`);
      return `${segments.join('~\n')}~\n`;
    },
    trailer: (sets) => `GE*${sets}*1~\nIEA*1*000000001~\n`,
  });
}
