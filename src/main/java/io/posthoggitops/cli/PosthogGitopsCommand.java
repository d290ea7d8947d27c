package io.posthoggitops.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@TopCommand
@Command(
    name = "posthog-gitops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Keep PostHog feature flags, cohorts, actions, experiments and dashboards in line with YAML in git.",
      "plan shows what would change; apply --approve makes exactly those changes."
    },
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      ExportCommand.class,
      SchemaCommand.class,
      GitHubCommand.class,
      LifecycleCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 error, 2 plan has changes (--detailed-exitcode),",
      "3 apply not approved, 4 saved plan is stale, 5 changes await approval in PostHog,",
      "64 usage error.",
      "The API key is read from MATON_API_KEY (else POSTHOG_API_KEY), never from a flag."
    })
public class PosthogGitopsCommand {

  @Mixin GlobalOptions global;
}
