/**
 * Where data lives: the database (SQLite or PostgreSQL, migrated by Flyway) and files on
 * disk written atomically, so exporters never read half a file.
 */
@NullMarked
package dev.lightspeed.stack.storage;

import org.jspecify.annotations.NullMarked;
