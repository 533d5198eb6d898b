package dev.seedverify.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code seedverify completion}: the bash (and zsh) completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints the bash completion script of seedverify (zsh reads it too with bashcompinit).",
                "  source <(bin/seedverify completion)      for this shell",
                "  bin/seedverify completion > /etc/bash_completion.d/seedverify"})
final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine top = spec.commandLine().getParent();
        SeedVerify.root(spec).out.print(AutoComplete.bash("seedverify", top));
        SeedVerify.root(spec).out.flush();
        return ExitCodes.PASS;
    }
}
