using System.Text.Json;

namespace EmbedDashboard.Cli.Commands;

/// <summary>The one JSON spec file of a command (`embeddash VERB spec.json`): read, or the reason on stderr and null.</summary>
internal static class JsonSpec
{
    /// <param name="expected">What a valid spec looks like, for the error message.</param>
    public static async Task<T?> ReadAsync<T>(string[] args, string verb, string expected) where T : class
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 1 ? $"Spec file not found: {Path.GetFullPath(args[0])}" : $"usage: embeddash {verb} <spec.json>");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(args[0]), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"{args[0]}: not a valid {verb} spec ({ex.Message}); expected {expected}.");
            return null;
        }
    }
}
