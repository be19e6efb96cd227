namespace EmbedDashboard.Cli.Commands;

internal static class RunCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(1);
}
