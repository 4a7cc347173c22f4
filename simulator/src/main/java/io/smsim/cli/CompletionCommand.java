package io.smsim.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code smsim completion}: a bash completion script for every command and option (picocli's
 * {@link AutoComplete}); zsh loads it through {@code bashcompinit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Print a bash/zsh completion script for smsim.",
        "bash: source <(./smsim completion)   (or save it under /etc/bash_completion.d/)",
        "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(./smsim completion)"})
final class CompletionCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("smsim", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }
}
