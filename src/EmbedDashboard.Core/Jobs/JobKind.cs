namespace EmbedDashboard.Core.Jobs;

/// <summary>The kinds of background work; each has one <see cref="IJobHandler"/> and one <see cref="IJobLedger"/>.</summary>
public enum JobKind
{
    /// <summary>One (dataset, embedder) evaluation of an experiment.</summary>
    Run,

    /// <summary>Training task-specific embedders.</summary>
    Training,

    /// <summary>A PCA / t-SNE / UMAP picture of a dataset under an embedder.</summary>
    Projection,

    /// <summary>A dataset's primary metric at every layer of a BERT encoder and its fine-tuned descendants.</summary>
    LayerAnalysis,
}

/// <summary>One job: its kind and its id in that kind's table.</summary>
public readonly record struct JobKey(JobKind Kind, int Id)
{
    public override string ToString() => $"{Kind} {Id}";
}
