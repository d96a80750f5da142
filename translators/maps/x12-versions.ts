// What tells the releases the maps handle apart. GS08 names the version with an industry or guide suffix
// (004010VICS, 005010X231A1); its first six characters are the release.

/** Whether the version is release 005010 or a later one, whose layouts and syntax notes differ from 004010's. */
export function from005010(version: string): boolean {
  return version.slice(0, 6) >= '005010';
}
