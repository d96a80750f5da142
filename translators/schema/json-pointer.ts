// JSON Pointers (RFC 6901): how TypeBox names the place of each of its findings.

/** The keys a pointer goes through, unescaped: "/elements/PO1~1PO103" is elements, then PO1/PO103. */
export function pointerKeys(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
}
