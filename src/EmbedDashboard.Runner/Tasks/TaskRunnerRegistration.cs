using EmbedDashboard.Runner.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Runner.Tasks;

internal static class TaskRunnerRegistration
{
    /// <summary>One runner per task kind; each adapts a Core evaluator to stored datasets.</summary>
    public static IServiceCollection AddTaskRunners(this IServiceCollection services)
    {
        return services;
    }
}
