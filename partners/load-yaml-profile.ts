import fs from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { ProfileError } from './profile-error.js';
import { formatPath } from './profile-problem.js';
import { LAYERS, resolveProfile, type LayerName } from './resolve-profile.js';
import { GroupNameSchema, type PartnerProfile } from './schema/profile.js';
import { readYamlFile, type ReadYamlFile, type YamlFile } from './yaml-file.js';

// Profiles kept in git as YAML: a file per partner, a file per partner group (<groupsDir>/<group>.yaml) and
// one defaults file. Every problem is reported at once, each with the file, line and column it is at.

export interface ProfileFiles {
  /** The partner's own profile. */
  readonly file: string;
  /** The folder of group files, needed when the profile names a group. */
  readonly groupsDir?: string;
  /** The values every partner starts from. */
  readonly defaultsFile?: string;
}

/** The partner's resolved profile; throws ProfileError naming every problem in the files it draws on. */
export function loadYamlProfile(files: ProfileFiles): PartnerProfile {
  const partner = readYamlFile(files.file);
  if (!partner.ok) throw new ProfileError(files.file, [partner.problem]);
  const defaults = files.defaultsFile === undefined ? undefined : readYamlFile(files.defaultsFile);
  const group = groupFile(partner.yaml, files);

  const unreadable = [group, defaults].flatMap((read) => (read && !read.ok ? [read.problem] : []));
  if (unreadable.length > 0) throw new ProfileError(files.file, unreadable);
  const sources: Record<LayerName, YamlFile | undefined> = {
    partner: partner.yaml,
    group: group?.ok ? group.yaml : undefined,
    defaults: defaults?.ok ? defaults.yaml : undefined,
  };

  const resolved = resolveProfile({ partner: partner.yaml.value, group: sources.group?.value, defaults: sources.defaults?.value });
  if (resolved.ok) return resolved.profile;
  // In the order the files are read in: the partner's, the group's, the defaults; top to bottom in each.
  const located = resolved.problems
    .map(({ layer, path, reason }) => {
      const source = sources[layer] ?? partner.yaml;
      return { order: LAYERS.indexOf(layer), problem: { file: source.file, ...source.locate(path), path: formatPath(path), reason } };
    })
    .sort((a, b) => a.order - b.order || a.problem.line - b.problem.line || a.problem.column - b.problem.column);
  throw new ProfileError(files.file, located.map(({ problem }) => problem));
}

/** The group file the profile names; a name that is not one is left for the schema to refuse. */
function groupFile(partner: YamlFile, files: ProfileFiles): ReadYamlFile | undefined {
  const name = partner.value.group;
  if (!Value.Check(GroupNameSchema, name)) return undefined;
  const where = { file: partner.file, ...partner.locate(['group']), path: 'group' };
  if (files.groupsDir === undefined) {
    return { ok: false, problem: { ...where, reason: `names group '${name}', but no folder of group files was given to find it in` } };
  }
  const file = path.join(files.groupsDir, `${name}.yaml`);
  if (!fs.existsSync(file)) return { ok: false, problem: { ...where, reason: `names group '${name}', but there is no ${file}` } };
  return readYamlFile(file);
}
