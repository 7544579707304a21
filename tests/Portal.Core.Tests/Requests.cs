using Portal.Core.Requests;
using Portal.Core.WorkStreams;

namespace Portal.Core.Tests;

/// <summary>Requests for the domain tests, built in memory: a lead's work stream and valid details.</summary>
internal static class Requests
{
    public const string Requester = "lead-1";
    public const string Librarian = "librarian-1";
    public const string OtherLibrarian = "librarian-2";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly TurnaroundRules Turnaround = new();

    public static WorkStream WorkStream(WorkStreamStatus status = WorkStreamStatus.Active)
    {
        var workStream = new WorkStream("frailty-framework", "Frailty framework", "", Areas.System(), Now);
        workStream.AddLead(Requester);
        workStream.SetStatus(status);
        workStream.TakeDomainEvents();
        return workStream;
    }

    public static RequestDetails Details(int deadlineInDays = 30, RequestOutput output = RequestOutput.EvidenceSummary) =>
        new("What is the evidence that multicomponent exercise programmes reduce falls in frail older people living at home?",
            new QuestionFramework(QuestionFrameworkKind.Pico, Population: "Older people living with frailty at home", Intervention: "Multicomponent exercise"),
            output,
            Today.AddDays(deadlineInDays));

    /// <summary>A saved-looking draft: its creation event already handed over.</summary>
    public static EvidenceRequest Draft()
    {
        var request = EvidenceRequest.Draft(WorkStream(), Requester, Details(), Now, Turnaround);
        request.TakeDomainEvents();
        return request;
    }

    /// <summary>A request moved on to <paramref name="state"/> the usual way, events handed over.</summary>
    public static EvidenceRequest In(RequestState state)
    {
        var request = Draft();
        var at = Now;
        if (state == RequestState.Draft)
        {
            return request;
        }

        if (state == RequestState.Withdrawn)
        {
            request.Withdraw(Requester, "No longer needed", at);
            request.TakeDomainEvents();
            return request;
        }

        request.Submit(Requester, at);
        if (state is RequestState.Claimed or RequestState.AwaitingRequester or RequestState.InReview or RequestState.Delivered or RequestState.Closed)
        {
            request.Claim(Librarian, at);
        }

        switch (state)
        {
            case RequestState.AwaitingRequester:
                request.AskRequester(Librarian, "Which places?", at);
                break;
            case RequestState.InReview:
                request.SendForReview(Librarian, at);
                break;
            case RequestState.Delivered:
                request.Deliver(Librarian, at);
                break;
            case RequestState.Closed:
                request.Deliver(Librarian, at);
                request.Close(Requester, "Used at the board", at);
                break;
        }

        request.TakeDomainEvents();
        return request;
    }
}
