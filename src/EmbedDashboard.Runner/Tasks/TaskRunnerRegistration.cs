using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Runner.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Runner.Tasks;

internal static class TaskRunnerRegistration
{
    /// <summary>One runner per task kind; each adapts a Core evaluator to stored datasets.</summary>
    public static IServiceCollection AddTaskRunners(this IServiceCollection services)
    {
        services.AddSingleton<ITaskRunner, ClassificationTaskRunner>();
        services.AddSingleton<ITaskRunner>(new PairSimilarityTaskRunner(TaskKind.WordSimilarity));
        services.AddSingleton<ITaskRunner>(new PairSimilarityTaskRunner(TaskKind.Sts));
        services.AddSingleton<ITaskRunner, AnalogyTaskRunner>();
        services.AddSingleton<ITaskRunner, NerTaskRunner>();
        services.AddSingleton<ITaskRunner, QaTaskRunner>();
        services.AddSingleton<ITaskRunner, FaqRetrievalTaskRunner>();
        return services;
    }
}
