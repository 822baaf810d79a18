import { constants } from "node:fs";

/**
 * `O_NOFOLLOW` where the platform has one: an open fails on a symbolic link instead of writing
 * wherever it points. Windows has no such flag (and links there need privileges to create).
 */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** A new file only: fails when anything, a link included, already has the name. */
export const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/** An existing file, read and appended to, never through a link. */
export const APPEND_EXISTING = constants.O_RDWR | constants.O_APPEND | NO_FOLLOW;

/** An existing file, for reading only, never through a link. */
export const READ_NO_FOLLOW = constants.O_RDONLY | NO_FOLLOW;
