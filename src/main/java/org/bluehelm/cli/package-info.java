/**
 * The command line adapter: {@code java -jar bluehelm.jar <command> args...} runs the
 * {@link org.bluehelm.cli.Command} of that name in the application without its web server and
 * exits with the command's status; without a command the server starts. Commands live in the
 * modules they serve and only parse, call services and print.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.bluehelm.cli;
