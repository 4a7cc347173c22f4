package io.smsim.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does before it runs a simple command
 * (POSIX.1-2017, Shell Command Language, 2.2 Quoting and 2.6.5 Field Splitting, with the default
 * IFS): blanks separate words; a backslash outside quotes keeps the next character (and a
 * backslash-newline is removed); single quotes keep everything up to the next single quote;
 * double quotes keep everything except a backslash before {@code $ ` " \} or a newline; quotes are
 * removed; {@code ''} is an empty word.
 *
 * <p>No expansion is done, so anything whose meaning a shell would change is refused with its
 * column rather than passed on literally: operators ({@code | & ; < > ( )} and an unquoted
 * newline), parameter and command substitution ({@code $}, {@code `}, also inside double quotes),
 * pathname patterns ({@code * ? [}), a tilde or {@code #} starting a word, and a variable assignment
 * as the first word. Those commands need {@code --shell}. No Java library splits by these rules
 * (Commons Exec and Ant's {@code Commandline} ignore backslashes); {@code ShellWordsTest} checks this
 * one against {@code /bin/sh}.
 */
public final class ShellWords {

  private ShellWords() {
  }

  /**
   * The words of {@code line}.
   *
   * @throws IllegalArgumentException with the 1-based column, for an unterminated quote, shell
   *     syntax that needs a shell, or no words at all
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        if (inWord) {
          finish(words, word, line, i);
          inWord = false;
        }
        i++;
        continue;
      }
      boolean wordStart = !inWord;
      inWord = true;
      switch (c) {
        case '\\' -> {
          if (i + 1 < n && line.charAt(i + 1) == '\n') {
            inWord = word.length() > 0 || !wordStart;
          } else {
            word.append(i + 1 < n ? line.charAt(i + 1) : '\\');
          }
          i += 2;
        }
        case '\'' -> {
          int end = line.indexOf('\'', i + 1);
          if (end < 0) {
            throw error(line, i, "unterminated single quote");
          }
          word.append(line, i + 1, end);
          i = end + 1;
        }
        case '"' -> i = doubleQuoted(line, i, word);
        default -> {
          refuseUnquoted(line, i, c, wordStart, words.isEmpty());
          word.append(c);
          i++;
        }
      }
    }
    if (inWord) {
      finish(words, word, line, n);
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
    return words;
  }

  /** Reads a double-quoted part starting at {@code open}; returns the index after the closing quote. */
  private static int doubleQuoted(String line, int open, StringBuilder word) {
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '$' || c == '`') {
        throw error(line, i, "'" + c + "' inside double quotes is an expansion: use single quotes, or --shell");
      }
      if (c == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
        if (line.charAt(i + 1) != '\n') {
          word.append(line.charAt(i + 1));
        }
        i += 2;
        continue;
      }
      word.append(c);
      i++;
    }
    throw error(line, open, "unterminated double quote");
  }

  private static void refuseUnquoted(String line, int i, char c, boolean wordStart, boolean firstWord) {
    if ("|&;<>()\n".indexOf(c) >= 0) {
      throw error(line, i, (c == '\n' ? "a newline" : "'" + c + "'") + " separates or redirects commands in a "
          + "shell: quote it, or run the command with --shell");
    }
    if (c == '$' || c == '`') {
      throw error(line, i, "'" + c + "' is an expansion in a shell: quote it, or run the command with --shell");
    }
    if ("*?[".indexOf(c) >= 0) {
      throw error(line, i, "'" + c + "' is a file name pattern in a shell: quote it, or run the command with --shell");
    }
    if (wordStart && (c == '~' || c == '#')) {
      throw error(line, i, "'" + c + "' starting a word is " + (c == '~' ? "a home directory" : "a comment")
          + " in a shell: quote it, or run the command with --shell");
    }
    if (c == '=' && firstWord && isName(line, i)) {
      throw error(line, i, "a first word NAME=VALUE is a variable assignment in a shell: use env NAME=VALUE CMD, "
          + "or --shell");
    }
  }

  /** Whether the unquoted word before the '=' at {@code eq} is a shell name ([A-Za-z_][A-Za-z0-9_]*). */
  private static boolean isName(String line, int eq) {
    int s = eq;
    while (s > 0 && (Character.isLetterOrDigit(line.charAt(s - 1)) || line.charAt(s - 1) == '_')
        && line.charAt(s - 1) < 128) {
      s--;
    }
    boolean startsWord = s == 0 || line.charAt(s - 1) == ' ' || line.charAt(s - 1) == '\t';
    return startsWord && s < eq && !Character.isDigit(line.charAt(s));
  }

  private static void finish(List<String> words, StringBuilder word, String line, int at) {
    words.add(word.toString());
    word.setLength(0);
  }

  private static IllegalArgumentException error(String line, int i, String message) {
    return new IllegalArgumentException("at column " + (i + 1) + ": " + message + ": " + line);
  }
}
