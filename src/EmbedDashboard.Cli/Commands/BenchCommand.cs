namespace EmbedDashboard.Cli.Commands;

internal static class BenchCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(1);
}
