/**
 * Where data lives: the database (SQLite or PostgreSQL, its tables brought up to date at
 * start-up) and files on disk written atomically, so exporters never read half a file.
 */
@NullMarked
package dev.lightspeed.stack.storage;

import org.jspecify.annotations.NullMarked;
