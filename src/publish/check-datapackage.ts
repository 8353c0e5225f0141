/**
 * A checker for the Frictionless Data Package v2 rules this site relies on, in the spirit of the
 * v2 JSON Schema profiles but without fetching them (no network at build time): required
 * properties, name and path patterns, hash form, field types, primary keys; and, against the
 * files on disk, that `bytes` is the real size, `hash` the real SHA-256 and each CSV header the
 * schema's field names. A resource published in parts (file-parts.ts) has the list of its parts
 * as `path` (the v2 multipart form) and a `parts` list of each part's bytes and hash; its `hash`
 * (the joined CSV's) may be absent. Returns the problems found; an empty list means the package passes.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_BOM, CSV_LINE_END } from './csv.ts';
import { DATAPACKAGE_PROFILE, MEDIA_TYPES } from './datapackage.ts';
import { FIELD_TYPES, type FieldType, type FileFormat } from './schemas.ts';
import { sha256OfFile } from './sha256sums.ts';

const NAME = /^[a-z0-9._-]+$/;
const HASH = /^sha256:[0-9a-f]{64}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface CheckOptions {
  /** Folder holding the files the resources point to; omit to check the descriptor alone. */
  dir?: string;
  /** Also recompute each file's SHA-256 (reads every file once more). */
  verifyHashes?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export async function checkDataPackage(descriptor: unknown, options: CheckOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  if (!isObject(descriptor)) return ['the descriptor is not a JSON object'];

  if (descriptor.$schema !== DATAPACKAGE_PROFILE) problems.push(`$schema must be ${DATAPACKAGE_PROFILE}`);
  if (!isString(descriptor.name) || !NAME.test(descriptor.name)) problems.push(`package name must match ${NAME}`);
  for (const key of ['title', 'description', 'version'] as const) {
    if (!isString(descriptor[key])) problems.push(`package ${key} is missing`);
  }
  if (!isString(descriptor.created) || !DATETIME.test(descriptor.created)) problems.push('package created must be an RFC 3339 date-time');
  checkList(descriptor, 'licenses', problems, (licence, where) => {
    if (!isString(licence.name) && !isString(licence.path)) problems.push(`${where} needs a name or a path`);
    if (isString(licence.name) && !/^[A-Za-z0-9._-]+$/.test(licence.name)) problems.push(`${where} name must be an SPDX-style id`);
  });
  if (descriptor.sources !== undefined) {
    checkList(descriptor, 'sources', problems, (source, where) => {
      if (!isString(source.title)) problems.push(`${where} needs a title`);
    });
  }
  checkList(descriptor, 'contributors', problems, (contributor, where) => {
    if (!isString(contributor.title)) problems.push(`${where} needs a title`);
    if (contributor.roles !== undefined && !(Array.isArray(contributor.roles) && contributor.roles.every(isString))) {
      problems.push(`${where} roles must be a list of strings`);
    }
  });

  if (!Array.isArray(descriptor.resources) || descriptor.resources.length === 0) {
    problems.push('resources must be a non-empty list');
    return problems;
  }
  const names = new Set<string>();
  for (const [i, resource] of descriptor.resources.entries()) {
    const where = `resources[${i}]`;
    if (!isObject(resource)) {
      problems.push(`${where} is not an object`);
      continue;
    }
    if (!isString(resource.name) || !NAME.test(resource.name)) problems.push(`${where} name must match ${NAME}`);
    else if (names.has(resource.name)) problems.push(`${where} name ${resource.name} is not unique`);
    else names.add(resource.name);
    await checkResource(resource, `${where} (${String(resource.name)})`, options, problems);
  }
  return problems;
}

function checkList(descriptor: Json, key: string, problems: string[], check: (item: Json, where: string) => void): void {
  const list = descriptor[key];
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`package ${key} must be a non-empty list`);
    return;
  }
  list.forEach((item, i) => (isObject(item) ? check(item, `${key}[${i}]`) : problems.push(`${key}[${i}] is not an object`)));
}

async function checkResource(resource: Json, where: string, options: CheckOptions, problems: string[]): Promise<void> {
  const { path } = resource;
  const multipart = Array.isArray(path);
  const paths: unknown[] = multipart ? path : [path];
  const pathOk = paths.length > 0 && paths.every((p) => isString(p) && isSafeRelativePath(p));
  if (!pathOk) problems.push(`${where} path must be a relative path without "..", or a non-empty list of them: ${JSON.stringify(path)}`);
  const format = resource.format as FileFormat;
  if (!(format in MEDIA_TYPES)) problems.push(`${where} format must be one of ${Object.keys(MEDIA_TYPES).join(', ')}`);
  else if (resource.mediatype !== MEDIA_TYPES[format]) problems.push(`${where} mediatype must be ${MEDIA_TYPES[format]}`);
  if (!Number.isSafeInteger(resource.bytes) || (resource.bytes as number) < 0) problems.push(`${where} bytes must be a whole number`);
  const hashOptional = multipart && resource.hash === undefined;
  if (!hashOptional && (!isString(resource.hash) || !HASH.test(resource.hash))) problems.push(`${where} hash must look like sha256:<64 hex digits>`);
  const parts = multipart ? checkParts(resource, paths as string[], where, problems) : undefined;
  if (format === 'csv') checkDialect(resource.dialect, where, problems);
  const fieldNames = checkSchema(resource.schema, where, problems);

  if (!options.dir || !pathOk) return;
  const dir = options.dir;
  const files = (paths as string[]).map((p) => join(dir, p));
  let size = 0;
  for (const [i, file] of files.entries()) {
    let bytes: number;
    try {
      bytes = statSync(file).size;
    } catch {
      problems.push(`${where} file ${String(paths[i])} does not exist`);
      return;
    }
    size += bytes;
    const part = parts?.[i];
    if (part && part.bytes !== bytes) problems.push(`${where} part ${String(paths[i])} bytes is ${String(part.bytes)} but the file has ${bytes}`);
    if (part && options.verifyHashes && part.hash !== `sha256:${await sha256OfFile(file)}`) problems.push(`${where} part ${String(paths[i])} hash does not match the file`);
  }
  if (resource.bytes !== size) problems.push(`${where} bytes is ${String(resource.bytes)} but the file${multipart ? 's have' : ' has'} ${size}`);
  if (options.verifyHashes && resource.hash !== undefined && resource.hash !== `sha256:${await sha256OfFiles(files)}`) {
    problems.push(`${where} hash does not match the file${multipart ? 's joined' : ''}`);
  }
  // The header is in the first part only: the parts joined are the table.
  if (format === 'csv' && fieldNames) {
    const header = readCsvHeader(files[0] as string);
    if (header !== fieldNames.join(',')) problems.push(`${where} CSV header "${header}" differs from the schema fields "${fieldNames.join(',')}"`);
  }
}

/** A multipart resource's `parts`: one entry per path, in order, with bytes and hash. */
function checkParts(resource: Json, paths: readonly string[], where: string, problems: string[]): Json[] | undefined {
  const { parts } = resource;
  if (!Array.isArray(parts) || parts.length !== paths.length || !parts.every(isObject)) {
    problems.push(`${where} parts must list each of the ${paths.length} paths with its bytes and hash`);
    return undefined;
  }
  parts.forEach((part, i) => {
    if (part.path !== paths[i]) problems.push(`${where} parts[${i}] path must be ${paths[i]}`);
    if (!Number.isSafeInteger(part.bytes) || (part.bytes as number) < 0) problems.push(`${where} parts[${i}] bytes must be a whole number`);
    if (!isString(part.hash) || !HASH.test(part.hash)) problems.push(`${where} parts[${i}] hash must look like sha256:<64 hex digits>`);
  });
  return parts;
}

/** Hex SHA-256 of files joined in order (of the one file when there is one). */
async function sha256OfFiles(files: readonly string[]): Promise<string> {
  if (files.length === 1) return sha256OfFile(files[0] as string);
  const hash = createHash('sha256');
  for (const file of files) for await (const chunk of createReadStream(file)) hash.update(chunk as Uint8Array);
  return hash.digest('hex');
}

function isSafeRelativePath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return false;
  return path.split('/').every((segment) => segment !== '..' && segment !== '');
}

function checkDialect(dialect: unknown, where: string, problems: string[]): void {
  if (!isObject(dialect)) {
    problems.push(`${where} CSV needs a dialect`);
    return;
  }
  if (dialect.header !== true) problems.push(`${where} dialect header must be true`);
  if (dialect.delimiter !== ',') problems.push(`${where} dialect delimiter must be ","`);
}

/** Checks a table schema; returns its field names when they are usable. */
function checkSchema(schema: unknown, where: string, problems: string[]): string[] | undefined {
  if (!isObject(schema) || !Array.isArray(schema.fields) || schema.fields.length === 0) {
    problems.push(`${where} schema needs a non-empty fields list`);
    return undefined;
  }
  const names: string[] = [];
  for (const [i, field] of schema.fields.entries()) {
    const at = `${where} schema.fields[${i}]`;
    if (!isObject(field) || !isString(field.name)) {
      problems.push(`${at} needs a name`);
      continue;
    }
    if (names.includes(field.name)) problems.push(`${at} name ${field.name} is repeated`);
    names.push(field.name);
    if (!FIELD_TYPES.includes(field.type as FieldType)) problems.push(`${at} type must be one of ${FIELD_TYPES.join(', ')}`);
    if (!isString(field.description)) problems.push(`${at} needs a description`);
  }
  if (schema.primaryKey !== undefined) {
    const key = schema.primaryKey;
    if (!Array.isArray(key) || key.length === 0) problems.push(`${where} primaryKey must be a non-empty list`);
    else for (const name of key) if (!names.includes(name as string)) problems.push(`${where} primaryKey ${String(name)} is not a field`);
  }
  return names;
}

/** The first line of a published CSV, without its byte-order mark. */
function readCsvHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer.subarray(0, read));
    const withoutBom = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
    const end = withoutBom.indexOf(CSV_LINE_END);
    return end < 0 ? withoutBom : withoutBom.slice(0, end);
  } finally {
    closeSync(fd);
  }
}
