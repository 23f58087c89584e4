/**
 * The {@code ceus} command line (picocli): {@code info}, {@code analyze}, {@code compare}, {@code map},
 * {@code batch}, {@code merge} and {@code demo}. A thin shell over the core: commands gather options,
 * call the same functions as the ImageJ plugins, and turn {@link org.ceusperfusion.InputException} into
 * exit code 2 with one {@code error:} line (see {@link org.ceusperfusion.cli.CeusCli}).
 */
package org.ceusperfusion.cli;
