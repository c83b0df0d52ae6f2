"""Escalation cues said in words the patterns were not written from: the lead's own
paraphrases of each cue kind (after a complaint, as in a support thread), and calm lines that
borrow their words ("we're switching the webhook URL", "whoever is in charge of our IT").
The lead wrote these, found 18 of the 49 paraphrases missed, and widened the concepts until they
were not; a second round on another day missed 21 of 55 (held-back bank: 0.62 -> 0.70). They pin
those fixes. The independent measure is `tools/cue_check.py` (its holdout half
is only ever scored).
"""

from __future__ import annotations

import pytest

from bot.core.models import Assessment, CueKind
from tests.unit.core.test_misreads import read_after_agent, read_one

OPENING = (
    "Hi, the sync to our warehouse has failed three times this week and nobody has explained why."
)
REPLY = "Sorry about that, we are still looking into it."

PARAPHRASES = [
    (
        CueKind.CHURN,
        "We'll be taking our business to one of your competitors at the end of the quarter.",
    ),
    (CueKind.CHURN, "Consider this our notice: we won't be renewing in June."),
    (CueKind.CHURN, "I've already started talks with another vendor, so this is your last chance."),
    (CueKind.CHURN, "We're pulling all 40 seats and going with someone who actually answers."),
    (CueKind.CHURN, "Honestly we are done, we'll find a provider that works."),
    (CueKind.CHURN, "If this isn't fixed by Friday we walk."),
    (CueKind.CHURN, "My CFO has asked me to find an alternative to your platform."),
    (CueKind.CHURN, "We are cancelling. Please tell me how to export our data."),
    (CueKind.CHURN, "This is the last month we pay you."),
    (CueKind.CHURN, "We're out. Send me the termination form."),
    (
        CueKind.CHURN,
        "We have signed with a different supplier and will leave when the contract ends.",
    ),
    (CueKind.CHURN, "I'm closing the account today, I've had enough."),
    (CueKind.CHURN, "Time to look elsewhere, this has been a disaster."),
    (CueKind.CHURN, "We will not be extending the contract after this mess."),
    (
        CueKind.CHURN,
        "Other companies offer the same for less and they actually work, we're switching.",
    ),
    (CueKind.THREAT_ABUSE, "You people are a bunch of incompetent clowns."),
    (CueKind.THREAT_ABUSE, "I know where your office is and I'll be there tomorrow morning."),
    (CueKind.THREAT_ABUSE, "Keep ignoring me and see what happens to you."),
    (
        CueKind.THREAT_ABUSE,
        "I'm going to tell every one of my 20k followers how you treat customers.",
    ),
    (CueKind.THREAT_ABUSE, "Your support agent is a complete moron."),
    (CueKind.THREAT_ABUSE, "I will make sure this ends up in the news."),
    (CueKind.THREAT_ABUSE, "You'd better watch yourself."),
    (CueKind.THREAT_ABUSE, "If I see that agent again I'll knock his teeth out."),
    (CueKind.THREAT_ABUSE, "Shut up and fix it."),
    (CueKind.THREAT_ABUSE, "What a useless pack of liars."),
    (
        CueKind.THREAT_ABUSE,
        "I'm writing a review on every site I can find so nobody buys from you again.",
    ),
    (CueKind.THREAT_ABUSE, "You're all idiots, every one of you."),
    (CueKind.THREAT_ABUSE, "Don't make me come down there."),
    (CueKind.THREAT_ABUSE, "I'll be posting these screenshots on LinkedIn tonight."),
    (CueKind.THREAT_ABUSE, "Somebody at your company is going to pay for this."),
    (CueKind.LEGAL, "We have instructed our solicitor to write to you."),
    (CueKind.LEGAL, "I'm reporting this to the consumer protection agency."),
    (CueKind.LEGAL, "This is a breach of our SLA and we'll seek compensation through the courts."),
    (CueKind.LEGAL, "Our attorney will be in touch on Monday."),
    (CueKind.LEGAL, "I'll be filing a complaint with the financial ombudsman."),
    (CueKind.LEGAL, "We'll see you in small claims court."),
    (CueKind.LEGAL, "My lawyer says this is a clear breach of contract."),
    (CueKind.MANAGER_REQUEST, "Let me talk to whoever is in charge of support."),
    (CueKind.MANAGER_REQUEST, "I want this escalated to your head of customer success today."),
    (CueKind.MANAGER_REQUEST, "Put your supervisor on this thread please."),
    (CueKind.MANAGER_REQUEST, "Can someone more senior take over?"),
    (CueKind.MANAGER_REQUEST, "I need a manager, not another script."),
    (CueKind.MANAGER_REQUEST, "Who is your boss? I want to speak to them."),
    (CueKind.DATA_EXPOSURE, "I just received another company's invoices in my inbox."),
    (CueKind.DATA_EXPOSURE, "Our customer list is visible to anyone who has the link."),
    (CueKind.DATA_EXPOSURE, "The API returns other users' email addresses when I search."),
    (CueKind.DATA_EXPOSURE, "Your export included salary data from a different client."),
    (CueKind.DATA_EXPOSURE, "I can log in and see somebody else's order history."),
    (CueKind.DATA_EXPOSURE, "Our API keys are showing up in your public status page."),
]

LOOKALIKES = [
    "We're switching the webhook URL to our new domain tomorrow, anything to watch out for?",
    "Could you help us find an alternative to the CSV import? It times out on big files.",
    "Please pull all 40 seats' usage into one report if possible.",
    "We're out of office on Friday, so Monday works better for the call.",
    "The last invoice we paid was in March, can you send April's?",
    "We will not be extending the trial, but we'd like to buy the annual plan.",
    "Watch your inbox for the signed form, our legal team sent it this morning.",
    "Let's see what happens after the restart and report back.",
    "I talked to whoever is in charge of our IT, they approved the change.",
    "The sync worked just fine last night, thanks for the quick fix!",
    "Good morning! Quick question about the export format.",
]


# A second round, written on another day from the same phenomena; 21 of the 55 were missed
# before the concepts were widened (churn 9, data exposure 8, threats 3, legal 1).
SECOND_ROUND = [
    (CueKind.CHURN, "Our renewal is in three weeks and right now I can't recommend we renew."),
    (
        CueKind.CHURN,
        "We're evaluating other tools and honestly this thread isn't helping your case.",
    ),
    (CueKind.CHURN, "Please start the offboarding, we'll move everything to a different platform."),
    (CueKind.CHURN, "I'll be recommending to leadership that we drop you at renewal."),
    (
        CueKind.CHURN,
        "How do we terminate early? We can't keep paying for something that doesn't work.",
    ),
    (
        CueKind.CHURN,
        "We're migrating off your product next month, I just want our data out cleanly.",
    ),
    (CueKind.CHURN, "Unless this is fixed this week, we're switching to your competitor."),
    (CueKind.CHURN, "Cancel everything. We're done."),
    (CueKind.CHURN, "We've decided not to continue with you after the trial of this disaster."),
    (CueKind.CHURN, "I'm getting quotes from two other providers as we speak."),
    (CueKind.CHURN, "This will be our last invoice with you, I promise you that."),
    (CueKind.CHURN, "Our procurement team has been told to find a replacement for your service."),
    (CueKind.CHURN, "I want to downgrade to nothing and close the workspace, this is pointless."),
    (CueKind.CHURN, "Frankly we'd be better off with any of your rivals."),
    (CueKind.CHURN, "Send me the cancellation link, I've wasted enough time."),
    (
        CueKind.DATA_EXPOSURE,
        "One of our users can open invoices that belong to a completely different company.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Your export file included names and emails of people who aren't our customers.",
    ),
    (CueKind.DATA_EXPOSURE, "Our employees' salaries are visible to anyone with the share link."),
    (CueKind.DATA_EXPOSURE, "The password reset email contains the user's password in plain text."),
    (
        CueKind.DATA_EXPOSURE,
        "I logged in and I'm looking at another customer's dashboard right now.",
    ),
    (CueKind.DATA_EXPOSURE, "We received a report with someone else's patient records in it."),
    (CueKind.DATA_EXPOSURE, "Your API returns records from other tenants when we page past 1000."),
    (CueKind.DATA_EXPOSURE, "Customer credit card details are showing up in the activity feed."),
    (
        CueKind.DATA_EXPOSURE,
        "Anyone can download our contracts without logging in, the URL isn't protected.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "A stranger emailed us a copy of our own customer list that came from your system.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Your notification went to the wrong recipients and exposed our clients' addresses.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "We think there's been a breach, our private keys were in your debug output.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Personal data of our members is indexed by Google through your public pages.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "My colleague can see HR notes about me that should be restricted to managers.",
    ),
    (CueKind.DATA_EXPOSURE, "The audit log shows logins to our account from an IP we don't know."),
    (CueKind.THREAT_ABUSE, "You are the most useless bunch of idiots I have ever dealt with."),
    (CueKind.THREAT_ABUSE, "I hope whoever wrote this code gets fired."),
    (CueKind.THREAT_ABUSE, "Answer me or I swear I'll come to your office and sort it out myself."),
    (CueKind.THREAT_ABUSE, "You'll pay for this, one way or another."),
    (CueKind.THREAT_ABUSE, "What a joke of a company, staffed by morons."),
    (
        CueKind.THREAT_ABUSE,
        "I'm going to make sure everyone on LinkedIn knows what frauds you are.",
    ),
    (CueKind.THREAT_ABUSE, "Shut up with the scripts and fix it, you clown."),
    (CueKind.THREAT_ABUSE, "Do your damn job for once, you lazy idiots."),
    (CueKind.THREAT_ABUSE, "I'll be posting your names and this conversation everywhere I can."),
    (
        CueKind.THREAT_ABUSE,
        "If my business goes under because of you, you'll be hearing from me personally.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Pathetic. Absolutely pathetic. You should all be ashamed, you incompetent fools.",
    ),
    (CueKind.THREAT_ABUSE, "Is anyone there with a brain?"),
    (CueKind.THREAT_ABUSE, "I am done being polite with you imbeciles."),
    (CueKind.THREAT_ABUSE, "Keep it up and I'll make your life hell."),
    (CueKind.THREAT_ABUSE, "You scammers stole our money."),
    (CueKind.LEGAL, "I'm forwarding this to our legal department today."),
    (CueKind.LEGAL, "This looks like a violation of the SLA and we'll be seeking damages."),
    (CueKind.LEGAL, "Expect a letter from our attorney."),
    (CueKind.LEGAL, "We will report this to the data protection authority."),
    (CueKind.LEGAL, "I'm filing a complaint with the consumer protection office."),
    (CueKind.MANAGER_REQUEST, "Can you escalate this to someone more senior please?"),
    (CueKind.MANAGER_REQUEST, "I'd like to talk to your supervisor about how this was handled."),
    (CueKind.MANAGER_REQUEST, "Who is your boss? I want them on this thread."),
    (CueKind.MANAGER_REQUEST, "Put me through to your head of support."),
    (CueKind.MANAGER_REQUEST, "I need someone with more authority than you."),
]

SECOND_LOOKALIKES = [
    "We're evaluating whether to add more seats next quarter, what are the prices?",
    "Could you share the offboarding checklist for a user who left our team?",
    "How do I export our data to CSV for the quarterly report?",
    "Our legal team asked for a copy of the DPA, where can I find it?",
    "My manager wants to know if we can get an invoice in EUR.",
    "Can another admin see my draft reports, or are they private?",
    "Who should I contact about the partnership program?",
    "We are migrating our office to a new domain next month, anything to prepare?",
    "The new dashboard is killer, great job team.",
    "Please cancel the duplicate ticket I opened yesterday.",
    "Is the audit log exported with the user emails?",
    "I'll report back once I've tested the fix.",
    "We're switching our billing contact to Maria from next month.",
    "Our security team wants to know how you store passwords.",
    "Can I downgrade one workspace and keep the other on the pro plan?",
]


# A third round, short and informal as people type in Slack; 14 of 30 were missed before the
# concepts were widened (the held-back bank stayed at 0.70: these pin the lead's own lines).
THIRD_ROUND = [
    (CueKind.CHURN, "ok that's it, we're moving to another tool next week"),
    (CueKind.CHURN, "honestly we pay too much for this, we will go to competitor"),
    (CueKind.CHURN, "pls tell me how to end the subscription, not worth it anymore"),
    (CueKind.CHURN, "our team voted to replace you, just so you know"),
    (CueKind.CHURN, "we're not going to renew, make sure nobody charges us again"),
    (CueKind.CHURN, "at this point I'm ready to drop the whole platform"),
    (CueKind.CHURN, "my boss already asked me to look at other options"),
    (CueKind.CHURN, "I'm cancelling the moment our contract allows it"),
    (CueKind.CHURN, "we'll stop using your service if this continues"),
    (CueKind.CHURN, "give me one reason we should stay with you"),
    (CueKind.CHURN, "we found something cheaper that actually works, bye"),
    (CueKind.CHURN, "goodbye, we're done here, close our account please"),
    (CueKind.DATA_EXPOSURE, "wtf I can see invoices of other companies in my account"),
    (CueKind.DATA_EXPOSURE, "our customers are getting emails meant for other people"),
    (CueKind.DATA_EXPOSURE, "the shared report link is open to the whole internet"),
    (CueKind.DATA_EXPOSURE, "someone else's credit card shows on our billing page!!"),
    (CueKind.DATA_EXPOSURE, "i just got an email with another client's password reset link"),
    (CueKind.DATA_EXPOSURE, "we found our customer database on a public page"),
    (CueKind.DATA_EXPOSURE, "my data was visible to other users for two days?!"),
    (CueKind.DATA_EXPOSURE, "your support attached another customer's file to my ticket"),
    (CueKind.DATA_EXPOSURE, "why can my intern see every employee's bank details"),
    (CueKind.DATA_EXPOSURE, "there was unauthorized access to our admin account last night"),
    (CueKind.THREAT_ABUSE, "you guys are absolute clowns"),
    (CueKind.THREAT_ABUSE, "whoever built this should be ashamed, total morons"),
    (CueKind.THREAT_ABUSE, "keep lying to me and see what happens"),
    (CueKind.THREAT_ABUSE, "I'm gonna blast you on every review site"),
    (CueKind.THREAT_ABUSE, "I will find out who you are"),
    (CueKind.THREAT_ABUSE, "what a bunch of useless muppets"),
    (CueKind.THREAT_ABUSE, "i'll personally make sure you lose this job"),
    (CueKind.THREAT_ABUSE, "go to hell with your 'we're checking'"),
]

THIRD_LOOKALIKES = [
    "ok we're moving to the new office next week, please update the address",
    "can you tell me how to end a subscription for one user only?",
    "our team voted for the dark theme, love it",
    "we found the export button, thanks",
    "I can see the invoices now, thanks!",
    "please close the old test account we don't use",
    "can other users see my saved filters?",
    "the report link is shared with my colleague, is that ok?",
    "my boss asked me to look at the roadmap",
    "we'll stop the sync tonight for maintenance",
]


# A fourth round: three escalations in a set of threads written blind by a helper (a regulator
# named by its field, counsel with a qualifier, another tenant's data said as "not ours" or "not
# from our account") and the lead's own variations on them; none was recognised before.
FOURTH_ROUND = [
    (CueKind.LEGAL, "This thread goes to our in-house counsel as of today."),
    (CueKind.LEGAL, "We'll be reporting the withheld funds to the payment services supervisor."),
    (CueKind.LEGAL, "Our external counsel will be in touch about the outage credits."),
    (CueKind.LEGAL, "We are reporting this to the financial watchdog."),
    (
        CueKind.DATA_EXPOSURE,
        "There's a file called northwind_payroll.csv in our exports which definitely isn't ours.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Our endpoint is receiving events with customer emails that are not from our account.",
    ),
    (CueKind.DATA_EXPOSURE, "We see another merchant's orders in our dashboard, that's not right."),
]

FOURTH_LOOKALIKES = [
    "There's a file from another vendor in the import folder, which format should we use?",
    "Our in-house counsel asked for a copy of the DPA, could you send it?",
    "Is the central bank holiday on Monday affecting payouts?",
    "the watchdog process restarted the worker twice tonight",
    "We're getting invoices from another supplier in the same format, can you support it?",
]


# A fifth round, from the next blind batch (20 of 30 on first play): a regulator named as a
# government department, a page open without a login, rows of people the customer has never
# seen; and the look-alikes of the same batch (the customer's own director joining a call).
FIFTH_ROUND = [
    (
        CueKind.LEGAL,
        "I'm told the state Department of Insurance finds that sort of timeline very useful.",
    ),
    (CueKind.LEGAL, "Maybe the insurance commissioner should hear how long this is taking."),
    (CueKind.DATA_EXPOSURE, "Our build logs page opens without any login and prints our secrets."),
    (
        CueKind.DATA_EXPOSURE,
        "I exported the appointments and half the rows are patients we've never seen.",
    ),
]

FIFTH_LOOKALIKES = [
    "For Thursday's call, our finance director wants to join for the first 15 minutes.",
    "Can your team lead join our QBR next week?",
    "The docs page loads without login, is that intended for the public API reference?",
    "I exported our customers for our own records, is the CSV format stable?",
    "Google has already indexed our new help center, nice.",
]


# A sixth round, from the batch after (22 of 30 on first play): lawyers count when they act on the
# dispute, not when they are the customer's staff ("ask twelve lawyers to rebuild Tuesday"); a
# secret sent in plain text; cancelling by asking what it takes.
SIXTH_ROUND = [
    (CueKind.LEGAL, "Our solicitor is already asking whether this was negligence on your part."),
    (CueKind.LEGAL, "I've spoken to a lawyer about this."),
    (CueKind.LEGAL, "Our lawyer is informed about this and will contact you."),
    (CueKind.DATA_EXPOSURE, "Your webhook payloads include our API secret in plaintext."),
    (
        CueKind.DATA_EXPOSURE,
        "Our appointment book has 6 appointments with owner names and pets that aren't ours.",
    ),
    (CueKind.CHURN, "We're signing with them Monday. Send me whatever I need to cancel."),
]

SIXTH_LOOKALIKES = [
    "Do you know what it's like to ask twelve lawyers to rebuild their Tuesday from memory?",
    "Our General Counsel is doing her annual vendor review of the indemnification sections.",
    "We work with twelve lawyers on this account, can they all get seats?",
    "The request must include our API key in the header, right?",
]


def third_message(text: str, opening: str = OPENING) -> Assessment:
    return read_after_agent(text, agent=REPLY, opener=opening)


# A seventh round, from the batch after that (22 of 30 on first play): leaving said as "cancel us
# at renewal", someone "on your side who can make decisions", insults as a question, a cue whose
# sentence holds a question mark in brackets; and a customer who "reported this" to support.
SEVENTH_ROUND = [
    (CueKind.CHURN, "No. We're done. Cancel us at renewal and don't call me about it."),
    (
        CueKind.MANAGER_REQUEST,
        "I need someone on your side who can actually make decisions, whoever runs your ops.",
    ),
    (CueKind.THREAT_ABUSE, "Are you seriously this dense? Honestly pathetic."),
    (
        CueKind.DATA_EXPOSURE,
        "She could see records that aren't ours (a food bank in Ohio?) with home addresses.",
    ),
]

# An eighth round, from the sixth batch (25 of 30 on first play): Slack _emphasis_ inside a cue,
# "right, I'm done" with the termination terms, and an ultimatum "or tell me who can".
EIGHTH_ROUND = [
    (CueKind.DATA_EXPOSURE, "The parent app is showing them _another family's_ child and notes."),
    (CueKind.CHURN, "Right, I'm done. Send me the termination terms for all 9 sites."),
    (CueKind.MANAGER_REQUEST, "So I'll ask a fourth time: release our payout, or tell me who can."),
]

# A ninth round, from two batches written after stop 20 (24 and 17 of 30 on first play): leaving
# said as moving the whole estate "to another system", shaming in front of a named crowd, a
# senior person "on a call today", "find me someone who can", secrets posted where many read
# them. Written here in other words than the threads.
NINTH_ROUND = [
    (CueKind.CHURN, "Forget it. We're moving all 40 clinics to another system when the term ends."),
    (
        CueKind.THREAT_ABUSE,
        "At the regional meetup next week everyone is going to hear exactly how you treated us.",
    ),
    (CueKind.MANAGER_REQUEST, "I want your head of engineering on a call today, not a ticket."),
    (
        CueKind.MANAGER_REQUEST,
        "A no from someone who can't approve it means nothing. Find me someone who can.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The secret key is in the alert your bot posted to a 300-person channel.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Every finding since Monday is unmasked: 30 live tokens posted to that channel.",
    ),
    (CueKind.LEGAL, "Refund it by Friday or it's a chargeback."),
    (
        CueKind.DATA_EXPOSURE,
        "A contractor we offboarded on Friday still logged in today and downloaded our price list.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The salary sheet in your shared drive is viewable by anyone in the company.",
    ),
    # a tenth round, from batches 11 and 12 (21 and 19 of 30 on first play)
    (
        CueKind.MANAGER_REQUEST,
        "I'm not taking 'no' from you on this. Find me someone who is allowed to.",
    ),
    (CueKind.MANAGER_REQUEST, "Fine, then I'll go over your head to whoever signs off refunds."),
    (CueKind.MANAGER_REQUEST, "I want someone at leadership level on a call before noon."),
    (
        CueKind.LEGAL,
        "If it's not deleted by Friday we will file a complaint to the data authority.",
    ),
    (
        CueKind.LEGAL,
        "The food inspector comes Monday and without those logs we could lose our permit.",
    ),
    (
        CueKind.LEGAL,
        "This is an OSHA recordable incident on our side and it came from your update.",
    ),
    (CueKind.CHURN, "We're pulling all 80 vans off your platform when the term is up."),
]

# ... and the look-alikes those batches taught: a merchant's own chargeback from a buyer, a wish
# to avoid a leak, a breach-notice clause, escalating on the customer's side, a product feature
# that transfers calls to a supervisor.
EIGHTH_LOOKALIKES = [
    "Got a chargeback notice from one of our buyers, what evidence do you need to fight it?",
    "I'd like to avoid a data leak this time, what's the safest way to share the export?",
    "Our MSA says you notify us of any breach within 72 hours; could that be 48 instead?",
    "If it drags on I'll escalate it internally with our ops manager, but no rush.",
    "When our agents transfer a caller to the supervisor, the first seconds of audio drop.",
    "If an auditor ever asks, we need the DPA on file. Could you send it over?",
    "A signed copy would be ideal. Please address it to our General Counsel.",
    "A tenant wrote to us: 'fix it by Friday or I'm calling my lawyer.' That part is on us.",
    "Could we get an extension for our account until the end of February?",
]

SEVENTH_LOOKALIKES = [
    "We reported this same problem in September and it was fixed, now it is back.",
    "I reported this to your support team last week, any news?",
]

# A tenth round, from blind batches 13 and 14 (24 and 27 of 30 on first play): a CFO asking for
# someone "in a position to commit", counsel "made aware" and "reviewing our options", a
# liability claim, a consumer office named in another language, shaming on Facebook, an
# ultimatum whose consequence is migrating the licences, "tell this to your commercial manager".
TENTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "I'd like a call this week with someone on your side who is in a position to commit to a "
        "fix and a date.",
    ),
    (CueKind.MANAGER_REQUEST, "Please tell this to your commercial manager, not only support."),
    (
        CueKind.LEGAL,
        "I have made our legal counsel aware, and she is reviewing our options for recovering "
        "the costs.",
    ),
    (CueKind.LEGAL, "I'd like this referred to whoever handles liability claims on your side."),
    (CueKind.LEGAL, "Tomorrow I put a reclamacion at the Oficina de Consumo, I have all tickets."),
    (CueKind.LEGAL, "I will go to the consumer court with all these emails if no refund."),
    (
        CueKind.THREAT_ABUSE,
        "And I will put it in the Facebook of your company with the photos of the room.",
    ),
    (
        CueKind.CHURN,
        "If this is not solved today we will migrate all 40 licenses to them at end of month.",
    ),
]

# An eleventh round, from blind batches 15 and 16 (23 and 25 of 30): card numbers in an export
# "not masked", a live key pushed to a public repo with charges nobody made, another firm's
# records, "we move all of our volume there" after an ultimatum, a Hacker News post and the CEO
# tagged on X, "if you can't answer it, I need someone who can".
ELEVENTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The export has a card_number column with full 16-digit card numbers, not masked.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "We pushed our live secret key to a public repo; there are charges we didn't make.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "These leads belong to another agency. Names, phone numbers, home addresses of their "
        "clients.",
    ),
    (
        CueKind.CHURN,
        "If po_1QK4mZ isn't released by Friday we move all of our volume there, $180k a month.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Ok. Drafting the Hacker News post now, and I'll tag your CEO on X as well.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Same question, fifth time: when is it released? If you can't answer it, I need someone "
        "who can.",
    ),
]

# A twelfth round, from blind batches 17 and 18 (23 and 22 of 30): public-sector escalations in a
# formal register (an MP's office, a law quoted at us, police involved, a safeguarding incident,
# a call with senior leadership, the board reviewing whether to renew) and "a person in this
# thread who can actually make a decision".
TWELFTH_ROUND = [
    (
        CueKind.LEGAL,
        "The tenant has contacted her MP. The MP's office wrote to our Chief Executive this "
        "morning.",
    ),
    (CueKind.LEGAL, "Our tenant's family quoted Awaab's Law at us this morning."),
    (CueKind.LEGAL, "She's off work, the police are involved and her union rep called HR."),
    (
        CueKind.LEGAL,
        "I've reported this to our Director of Children's Services as a safeguarding incident.",
    ),
    (CueKind.MANAGER_REQUEST, "She wants a call with your senior leadership today."),
    (CueKind.MANAGER_REQUEST, "A ticket isn't enough. Who in your company can I speak to now?"),
    (
        CueKind.MANAGER_REQUEST,
        "I need a person in this thread who can actually make a decision on an $18k invoice.",
    ),
    (
        CueKind.CHURN,
        "The board will be reviewing whether we renew the contract in March.",
    ),
]

# A thirteenth round, from blind batches 19 and 20 (22 and 26 of 30): "kill the renewal", the CEO's
# email asked for, a public review site by name, "get someone who can actually look at it".
THIRTEENTH_ROUND = [
    (
        CueKind.CHURN,
        "Unbelievable. I'm telling procurement this morning to kill the renewal.",
    ),
    (CueKind.MANAGER_REQUEST, "And I want your CEO's email, not another status page link."),
    (CueKind.THREAT_ABUSE, "No ETA in the next hour and the whole story goes on Hellopeter."),
    (
        CueKind.MANAGER_REQUEST,
        "We are going round and round. Pls get someone who can actually look at the ledger.",
    ),
]

# A fourteenth round, from blind batches 21 and 22 (24 and 19 of 30): a matter referred to a
# head of department, "whoever can approve it", "not resolvable at this level", a veiled threat
# to a third party, a report to a notified body, a long relationship's bitter farewell.
FOURTEENTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "I'd ask that the complaint be escalated to your Director of Service before we go on.",
    ),
    (CueKind.MANAGER_REQUEST, "Fine, then connect me with someone who has the authority to sign."),
    (CueKind.MANAGER_REQUEST, "Please send this up to whoever can approve a refund that size."),
    (CueKind.MANAGER_REQUEST, "We don't think this can be settled at your level, frankly."),
    (CueKind.THREAT_ABUSE, "Send that courier back here and he won't be walking out in one piece."),
    (
        CueKind.LEGAL,
        "We will have to report the batch failure to our notified body and to the MHRA.",
    ),
    (
        CueKind.CHURN,
        "Twelve years as your customer and this is how we get treated. Unbelievable.",
    ),
]

# Blind round 15 (batches 23 and 24): who sits above the agent, someone who can make the call,
# a thread forwarded to the CFO; leaving said as business moving to another provider of any
# kind, files pulled "and moving", the paperwork "to get out of this".
FIFTEENTH_ROUND = [
    (CueKind.MANAGER_REQUEST, "Honestly, who is above you? This needs a person with sign-off."),
    (CueKind.MANAGER_REQUEST, "Put me in touch with someone who can make the call on this today."),
    (CueKind.MANAGER_REQUEST, "I'm taking this whole thread to your COO in the morning."),
    (CueKind.CHURN, "From next month our ad spend goes to a different exchange. Enough."),
    (CueKind.CHURN, "We'll be taking all of our client records and moving. Done."),
    (CueKind.CHURN, "Email me what we have to sign to get out of the contract, please."),
]

# Blind round 16 (batches 25 and 26): a report to a professional board, a dispute opened with
# the bank, a notice to be issued by the customer's legal section, notice served on the contract,
# a renewal not worth sending, whoever signed or owns the agreement.
SIXTEENTH_ROUND = [
    (CueKind.LEGAL, "One more missed dose record and I report this to the state nursing board."),
    (CueKind.LEGAL, "We've already opened a dispute with our card issuer for both charges."),
    (CueKind.LEGAL, "Our law department has been instructed to send a formal notice to your firm."),
    (CueKind.CHURN, "We will be serving notice on the agreement at the end of this month."),
    (CueKind.CHURN, "Honestly, don't bother sending us the renewal quote this year."),
    (CueKind.MANAGER_REQUEST, "Put this in front of whoever negotiated our rates, please."),
    (
        CueKind.MANAGER_REQUEST,
        "Who at your company actually owns the relationship with us? I want them on a call.",
    ),
]

# Blind round 17 (batches 27-29): lawyers copied in, losses to be recovered under the contract,
# every seat moved to another product by name.
SEVENTEENTH_ROUND = [
    (CueKind.LEGAL, "Just so you know, our solicitors are copied on this thread from now on."),
    (CueKind.LEGAL, "If the crates miss the show we'll seek to recover the costs under our terms."),
    (CueKind.CHURN, "I've told our CTO we should move all 80 licences to Dashlane next quarter."),
    (CueKind.LEGAL, "We'll be pursuing every remedy available under clause 12 of our agreement."),
    (CueKind.LEGAL, "Forward this to whoever deals with breach of contract at your end."),
    (CueKind.DATA_EXPOSURE, "The billing page showed invoices that aren't ours, with names on."),
    (CueKind.THREAT_ABUSE, "Reset it now or I'll have your job, I mean it."),
    (CueKind.THREAT_ABUSE, "Block me in again and I'll slash their tyres, I know where they park"),
    (CueKind.DATA_EXPOSURE, "The portal is showing another patient's prescriptions on my login."),
]

# Blind round 18 (batches 34-36): a formal complaint to a public body named by what it is or by
# its acronym (from an upset customer: an acronym may as well be a team or a vendor), a
# breach the customer must notify, every membership cancelled, all their work moved to a rival,
# a link that shows far more people's files than it should.
EIGHTEENTH_ROUND = [
    (CueKind.LEGAL, "My mother is lodging a complaint with the Department of Health about this."),
    (
        CueKind.DATA_EXPOSURE,
        "Legal says we'll have to report it as a data breach to the regulator.",
    ),
    (CueKind.LEGAL, "That's it. I'm reporting you to the HCPC this afternoon."),
    (CueKind.CHURN, "Fine. Cancel both of our accounts and stop the direct debit."),
    (CueKind.CHURN, "Right, that's it. Cancel all four sites from today, please."),
    (CueKind.CHURN, "We're pulling out of all six bays at the end of the month."),
    (CueKind.CHURN, "I'll be warning every landlord I know to steer clear of your lot."),
    (CueKind.THREAT_ABUSE, "Your engineer had better hope I don't run into him at the depot."),
    (CueKind.THREAT_ABUSE, "Shall I use small words so you can follow along this time?"),
    (CueKind.THREAT_ABUSE, "A trained monkey would have sorted this by now, honestly."),
    (CueKind.LEGAL, "She is lodging a complaint with the Health and Disability Commission."),
    (CueKind.LEGAL, "Our solicitors are preparing a letter of claim for the lost stock."),
    (CueKind.LEGAL, "This is a breach of the master services agreement, plain and simple."),
    (CueKind.CHURN, "I've told finance not to renew in March. We're finished with you."),
    (CueKind.THREAT_ABUSE, "A member keeps harassing me and now he's outside my flat."),
    (CueKind.DATA_EXPOSURE, "The invoices in our portal mention a depot in Leeds, which isn't us."),
    (
        CueKind.DATA_EXPOSURE,
        "The shift reminder text to all 40 carers listed every client's home address. Why?",
    ),
    (CueKind.CHURN, "Five years with you and this is what we get for it."),
    (CueKind.CHURN, "We're taking the rest of our orders to another supplier from Monday."),
    (
        CueKind.DATA_EXPOSURE,
        "The guest link doesn't just open our folder, it shows every other client's folders too.",
    ),
]

# ... and theirs: the customer's own CEO signing, a report showing more than its totals, a
# grievance process they run themselves.
# A nineteenth round, from blind batches 43 and 44 (48 of 60 on first play): the person in charge
# named by what they do, a report to the body that accredits the customer, the vendor's kit
# pulled out and the termination notice asked for; and their look-alikes: a document addressed to
# the County Attorney, a customer's own colleague who runs IT, an accreditation body's format.
NINETEENTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Please put me in touch with whoever runs service operations for our region, today.",
    ),
    (CueKind.MANAGER_REQUEST, "I want to talk to the person who decides who gets sent to us."),
    (CueKind.MANAGER_REQUEST, "Connect me with the person who makes the decisions on dispatch."),
    (
        CueKind.LEGAL,
        "That's a deficiency we must self-report to the accrediting body, naming your LIMS.",
    ),
    (CueKind.LEGAL, "We will be reporting this whole episode to our licensing board."),
    (CueKind.CHURN, "No. We're done. I'm pulling every one of your dishes off our sites."),
    (CueKind.CHURN, "We're ripping all your scanners out of our stores next month."),
    (CueKind.CHURN, "Tell me who gets the termination notice and where to ship the kit back."),
]
NINETEENTH_LOOKALIKES = [
    "Could the statement be addressed to the County Attorney, attn. R. Haddad?",
    "Can we kill the old class codes so nobody can join the spring course anymore?",
    "I'll talk to the person who runs our IT on Monday and get back to you.",
    "Our accreditation body wants the audit trail as a PDF, can you export that?",
    "Can you send me the cancellation notice template for the one user who left?",
]
# A twentieth round, from blind batches 45 and 46 (42 of 60 on first play): a body named in full,
# the police brought in, a workplace-safety regulator; and their look-alikes: a police report
# uploaded for a claim, lawyers in passing, "I'll get her to send it", the company's HSE team.
TWENTIETH_ROUND = [
    (
        CueKind.LEGAL,
        "One parent is reporting it to the Advertising Standards Authority, and so are we.",
    ),
    (CueKind.LEGAL, "I've rung 101 and I'm giving the police the screenshots this afternoon."),
    (CueKind.LEGAL, "Our insurer wants a report and so does the HSE, apparently."),
    (
        CueKind.LEGAL,
        "Her father is an attorney and he has already drafted a letter about your confirmation.",
    ),
    (CueKind.LEGAL, "She's filing a report with the state veterinary board on Friday."),
    (
        CueKind.THREAT_ABUSE,
        "I've already emailed the consumer reporter at KGW, they did a segment on installers.",
    ),
]
# A twenty-first round, from blind batches 49 and 50 (49 of 60 on first play): someone who can,
# the head of a team, a commissioner's office, losses laid at our door, a card dispute with Amex;
# and look-alikes: small claims against the customer's own client, a member's renewal cancelled.
TWENTY_FIRST_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Then I'd like to speak with someone who can. Whoever heads up your authentication team.",
    ),
    (CueKind.LEGAL, "I'm filing a complaint with the state insurance commissioner's office."),
    (CueKind.LEGAL, "We will hold you responsible for the lost revenue from this suspension."),
    (CueKind.LEGAL, "I'm disputing the entire rental with Amex today."),
]
TWENTY_SECOND_ROUND = [
    (CueKind.MANAGER_REQUEST, "Who actually owns the shop? I want to speak to them today."),
    (CueKind.MANAGER_REQUEST, "I'd like to talk to the owner, please, not another message."),
    (
        CueKind.LEGAL,
        "We will be coming after you for every penny of it. Our legal people are copied in.",
    ),
    (CueKind.LEGAL, "My insurers are talking about a negligence claim against the yard."),
    (CueKind.LEGAL, "I'm sending the photos to the council's animal licensing team."),
    (CueKind.CHURN, "I've had a call with Hollins Fruit and we'll be with them from January."),
    (CueKind.CHURN, "Don't bother sending over next year's supply agreement."),
    (
        CueKind.THREAT_ABUSE,
        "Money in my account by tomorrow or we'll take it out of your gaffer's hide.",
    ),
    (CueKind.THREAT_ABUSE, "If he turns up at her door again he won't be walking back to his van."),
    (
        CueKind.THREAT_ABUSE,
        "I'm coming down to the shop for my deposit and I won't be leaving without it.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Everyone at the wedding, 30 thousand followers, is going to hear exactly what kind of "
        "outfit you're running.",
    ),
]
TWENTY_SECOND_LOOKALIKES = [
    "I need to talk to the owner of the flat before I book, is Tuesday still free?",
    "Could I speak with the account owner role enabled on my login?",
    "We'll be with them from 9am on site for the install, is that ok?",
    "Can you send over next year's agreement when it's ready?",
    "I filed a claim against the policy last week, can you resend the invoice?",
    "Our clients will know how to use it once the guide is out.",
]
TWENTY_THIRD_ROUND = [
    (CueKind.MANAGER_REQUEST, "No. I want to speak to whoever owns the bakery, today."),
    (CueKind.MANAGER_REQUEST, "Then who can? Because I'm not accepting £145 for a ruined coat."),
    (CueKind.MANAGER_REQUEST, "Then please send it to the studio owner. Today, please."),
    (CueKind.LEGAL, "I'm going to the council, who I believe license you, and to the Echo."),
    (CueKind.LEGAL, "My sister is an attorney and she's already looking at this."),
    (CueKind.LEGAL, "Reporting a forgiven loan as past due is a violation of federal law."),
    (CueKind.LEGAL, "We're putting together a complaint to the consumer finance bureau."),
    (CueKind.THREAT_ABUSE, "Other families deserve to know how you treat people."),
]
TWENTY_THIRD_LOOKALIKES = [
    "The funeral director said we'd get a confirmation email. Could you resend it?",
    "It was signed contract documents so quite time sensitive. Can you check the POD?",
    "Who runs the place where the van parks? The driver couldn't find it.",
    "Not as far as I know but I'll double check with the council.",
]
TWENTY_FOURTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "I'll be having a word with whoever runs that place, and they won't enjoy it.",
    ),
    (CueKind.THREAT_ABUSE, "I'll be in the shop myself and I won't be polite about it."),
    (CueKind.THREAT_ABUSE, "And that video is going up on every local Facebook group by tonight."),
    (CueKind.THREAT_ABUSE, "Every cycling club within 50 miles will hear what your mechanic did."),
    (
        CueKind.LEGAL,
        "My brother-in-law is a solicitor and he's already said it's clear-cut negligence.",
    ),
    (CueKind.LEGAL, "I've already filed a report through the FDA's pet food complaint portal."),
    (CueKind.LEGAL, "I've got the number for the state physical therapy board."),
    (CueKind.MANAGER_REQUEST, "No offence meant. Who's the owner, or whoever runs operations?"),
    (CueKind.MANAGER_REQUEST, "I'd like to speak to whoever's actually in charge down there."),
    (CueKind.CHURN, "We're moving all three locations over and you can take this as our notice."),
    (CueKind.CHURN, "Come and collect the bike, I'm done paying £70 a month for it."),
    (CueKind.CHURN, "I'm getting someone else in to finish the job."),
]
# batches 63-66: shaming by who will hear, trade and vehicle regulators, a regulator named by what
# it does, someone else's data in view, the person responsible asked for, leaving in other words
TWENTY_FIFTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "believe me the Gas Safe register and every neighbour on this street will hear exactly "
        "which firm it was",
    ),
    (
        CueKind.THREAT_ABUSE,
        "all of it is going elsewhere, and every event planner I know will hear exactly why.",
    ),
    (
        CueKind.LEGAL,
        "this cert and the dealer's report are going to the DVSA and to my insurer today, they "
        "can decide if it's clerical.",
    ),
    (CueKind.LEGAL, "no. whoever is above you. today. or I'll be on to NICEIC myself"),
    (
        CueKind.LEGAL,
        "the works council already knows and they've said they'll take this to the people who "
        "enforce working-time rules.",
    ),
    (CueKind.LEGAL, "If that happens your company's name goes in the complaint next to ours."),
    (
        CueKind.DATA_EXPOSURE,
        "When I logged into the app this morning I can see 3 cameras that aren't mine, looks "
        "like someone's back garden.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        'I just got the "Term 2 medical & consent summary" and it isn\'t for my daughter.',
    ),
    (
        CueKind.DATA_EXPOSURE,
        "My manager at work just forwarded me an email from your platform with my session "
        "summary attached.",
    ),
    (CueKind.MANAGER_REQUEST, "no. whoever is above you. today."),
    (
        CueKind.MANAGER_REQUEST,
        "I want the person who is actually responsible for his work looking at this thread today.",
    ),
    (CueKind.MANAGER_REQUEST, "Make sure whoever runs your place hears that from you first."),
    (CueKind.CHURN, "Then let me be very clear. We're finished with you."),
    (
        CueKind.CHURN,
        "The two spring sites we'd pencilled in with you are going to a contractor who can give a "
        "date.",
    ),
]
TWENTY_FIFTH_LOOKALIKES = [
    "should it be a fixed sum or a share? my lawyer friend said a share is cleaner, I don't mind",
    "Is your electrician NICEIC registered? I need to send the cert to environmental health.",
    "Can you send the Gas Safe certificate to the letting agent please",
    "every member of staff will hear about the new rota on Monday",
    "I got a parcel today but it isn't for my daughter, wrong name on it",
    "I need the person responsible for our account to sign the form",
]
# batches 67-70: someone hurt or in danger (a new cue kind), regulators by what they are, data
# in the wrong hands, the person who owns the place asked for, leaving after years
TWENTY_SIXTH_ROUND = [
    (
        CueKind.SAFETY,
        "A pole came down and caught a guest's shoulder. She went to A&E, it's a fracture.",
    ),
    (
        CueKind.SAFETY,
        "He's in A&E with a fractured wrist. Nobody from your staff filled out a form.",
    ),
    (
        CueKind.SAFETY,
        "a child had a reaction yesterday after eating one. Her parents had to use her EpiPen.",
    ),
    (
        CueKind.SAFETY,
        "AMR-07 did not stop at the light curtain and came within half a meter of one of "
        "our pickers.",
    ),
    (
        CueKind.SAFETY,
        "our carbon monoxide alarm has gone off twice since your guy serviced the boiler",
    ),
    (CueKind.SAFETY, "there are bare copper ends at toddler height."),
    (
        CueKind.LEGAL,
        "that's exactly the kind of thing the council's standards officers and the excise "
        "people take "
        "a very dim view of",
    ),
    (
        CueKind.LEGAL,
        "If I don't have a straight answer by tomorrow morning I'm filing a police report.",
    ),
    (
        CueKind.LEGAL,
        "a near miss with automated machinery has to be reported to the labour inspectorate "
        "within 48h",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "there's a second page attached that's someone else's: name, address and their order "
        "history.",
    ),
    (CueKind.DATA_EXPOSURE, "And if I got theirs, has someone got mine?"),
    (
        CueKind.DATA_EXPOSURE,
        "the proof link opens a shared folder with ANOTHER company's staff list in it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "it has a spreadsheet attached with every student's full name, home address, phone "
        "and date "
        "of birth.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Her face is clearly visible and the caption has her first name and school.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I'd suggest someone who can actually answer for this gets in touch with me today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I want it from whoever actually signs off on money there.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I want the person who owns this place or runs that workshop on this thread today.",
    ),
    (CueKind.CHURN, "Six years I've been with you and this is how it ends."),
    (CueKind.CHURN, "we're moving all 14 memberships to Westfield from next term."),
    (
        CueKind.THREAT_ABUSE,
        "And I'll make sure everyone on the Ashfield Road WhatsApp knows why.",
    ),
]
TWENTY_SIXTH_LOOKALIKES = [
    "My daughter broke her leg at gymnastics so she'll miss swimming, can we pause?",
    "we had a near miss on the deadline but all good now",
    "the venue manager is asking me every 5 minutes, can I get an ETA?",
    "does the export keep them on hold? counsel wants the originals kept",
]
# batches 71-74: the person who can decide, paraphrased; regulators and claims in other words;
# leaving with a quote in hand; everyone in the CC line
TWENTY_SEVENTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "who at your company can actually make this call, because it isn't you",
    ),
    (CueKind.MANAGER_REQUEST, "Who on your side actually owns data protection?"),
    (CueKind.MANAGER_REQUEST, "I want someone with the authority to agree it, not a booking form."),
    (CueKind.MANAGER_REQUEST, "you can tell whoever manages partners over there that we're done."),
    (CueKind.LEGAL, "our solicitor already has a copy of the contract with that bit highlighted."),
    (CueKind.LEGAL, "your insurers can talk to mine if that's how you want to play it"),
    (CueKind.LEGAL, "I'm asking our bank to claw the payment back."),
    (CueKind.LEGAL, "Then the council's health and safety team can ask you for them instead."),
    (CueKind.LEGAL, "otherwise I'll be filing it with the data protection watchdog myself"),
    (
        CueKind.LEGAL,
        "I'm ringing the river pollution hotline myself and giving them your company name.",
    ),
    (CueKind.CHURN, "every one of your tours comes off our site tonight."),
    (CueKind.CHURN, "I've already got a quote from people who actually turn up."),
    (CueKind.CHURN, "sort it or we're gone."),
    (
        CueKind.THREAT_ABUSE,
        "I will be telling every owner in the rental association exactly why I left.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "it's addressed to like 60 people in the CC line. Full names and home email addresses.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "It's an xlsx with every member's name, home address and date of birth.",
    ),
]
TWENTY_SEVENTH_LOOKALIKES = [
    "Love spending twenty minutes stabbing my fingers so your lab can bin it.",
    "ok the climb is actually killing me lol, done, swapped in like 2 minutes, insane how fast",
]
# batches 75-78: the same cues in other words than the threads that found them
TWENTY_EIGHTH_ROUND = [
    (CueKind.MANAGER_REQUEST, "Can someone above the support desk look at this, please?"),
    (CueKind.MANAGER_REQUEST, "put me through to whoever actually signs credits off"),
    (CueKind.MANAGER_REQUEST, "I'd like a call with whoever can make that decision."),
    (CueKind.MANAGER_REQUEST, "I need someone with real authority over our account on the phone."),
    (CueKind.LEGAL, "Our insurers have already been notified and they will come after you."),
    (CueKind.LEGAL, "the media watchdog will hear about every minute of this"),
    (CueKind.LEGAL, "I'm passing the file to the firm that deals with our contracts."),
    (CueKind.LEGAL, "Send me your public liability insurer's details by Friday."),
    (CueKind.CHURN, "we're taking all 30 of our titles off the platform on the 1st"),
    (CueKind.CHURN, "your tills are coming out of every one of our 9 shops"),
    (CueKind.CHURN, "next season we'll book with the lot across town, every team of them"),
    (CueKind.THREAT_ABUSE, "you're a shower of cowboys, the lot of you"),
    (CueKind.THREAT_ABUSE, "don't push me on this."),
    (CueKind.THREAT_ABUSE, "the local paper gets the pictures with your name next to them"),
    (
        CueKind.THREAT_ABUSE,
        "every landlord at the county meeting next month is going to hear about this",
    ),
    (CueKind.SAFETY, "she was bitten on the face by your dog and needed stitches"),
    (CueKind.SAFETY, "He had a gash on his leg so we spent the night in A&E."),
    (
        CueKind.DATA_EXPOSURE,
        "I now have payslips for people I've never heard of in my downloads.",
    ),
    (CueKind.DATA_EXPOSURE, "these are invoices that I shouldn't be able to see"),
]
TWENTY_EIGHTH_LOOKALIKES = [
    "whoever signs the PO off on our side is on leave till Monday",
    "our insurer needs a copy of the invoice, could you send one?",
    "next year we go to the coast for the staff day, can we book with you again?",
    "the photos with your logo on them look great on our wall",
    "I know what the error means, I just can't find the setting",
    "I'm away again from the 2nd, can my colleague pick it up?",
]
# batches 79-82
TWENTY_NINTH_ROUND = [
    (CueKind.MANAGER_REQUEST, "With respect, this isn't a helpdesk matter any more."),
    (CueKind.MANAGER_REQUEST, "I want somebody there who can take responsibility for this."),
    (CueKind.LEGAL, "I'm disputing the full charge with my credit card company tomorrow."),
    (CueKind.LEGAL, "calling my bank in the morning to get the payment reversed back"),
    (CueKind.LEGAL, "I'll be writing to the county licensing board about your staff."),
    (CueKind.THREAT_ABUSE, "all the parents in my son's class will get the screenshots"),
    (CueKind.THREAT_ABUSE, "the whole story is going up on the allotment facebook group"),
    (CueKind.THREAT_ABUSE, "you are a scam, plain and simple."),
    (CueKind.SAFETY, "they left my 3-year-old alone in the changing room"),
]
# A thirtieth round (session 31, batches 83-86, 93 of 120 on first play; 12 pings missed): the
# person with the authority named by what they may do, the regulator named by what it does,
# inspectors as where the evidence goes, the customer's insurers preparing a claim, other
# people's details the customer should never have, and leaving said sideways in anger. Each line
# here is worded afresh, not copied from the batch.
THIRTIETH_ROUND = [
    (CueKind.MANAGER_REQUEST, "This needs to go to whoever is allowed to approve a full refund."),
    (CueKind.MANAGER_REQUEST, "Please loop in the person who sets the credit limit."),
    (
        CueKind.MANAGER_REQUEST,
        "I want this in front of someone at your company who can actually authorise a replacement.",
    ),
    (CueKind.LEGAL, "Fine. The authority that licenses you will hear about this by Friday."),
    (CueKind.LEGAL, "I'm sending the whole thread to the agency that regulates your industry."),
    (CueKind.LEGAL, "Every photo goes to the health inspectors this afternoon."),
    (CueKind.LEGAL, "Our insurers are preparing a claim against your company as we speak."),
    (CueKind.DATA_EXPOSURE, "The export has home addresses of customers we have never dealt with."),
    (CueKind.DATA_EXPOSURE, "I can see other patients' medical records in my app."),
    (CueKind.DATA_EXPOSURE, "The app is showing me bookings that aren't ours."),
    (
        CueKind.CHURN,
        "Third late drop this month. We're done. Tomorrow we're switching to Parcelgo.",
    ),
    (
        CueKind.CHURN,
        "A rival has been chasing our account for months and frankly they can have it now.",
    ),
]
# A thirty-first round (session 31, batches 87-90, 96 of 120 on first play; ten pings missed or
# late): another company's people with their details in view, someone "who can put real numbers
# on the table" or "has the final say", the business moved to a named rival or taken off the
# platform, counsel going through the contract, a letter "in writing". Worded afresh.
THIRTY_FIRST_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "When I open the app I see a different company: their drivers' names, home addresses and"
        " phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The report is listing patients from a different clinic, with their dates of birth.",
    ),
    (CueKind.DATA_EXPOSURE, "I can see strangers' locker codes on my screen right now."),
    (
        CueKind.MANAGER_REQUEST,
        "No. I want a meeting with someone who can put a real offer on the table this week.",
    ),
    (CueKind.MANAGER_REQUEST, "Get me whoever has the final say at your company, today."),
    (CueKind.CHURN, "Every one of our 6 venues comes off your platform at the end of the month."),
    (CueKind.CHURN, "That's it. We're moving all 12 clinics over to Medibook next quarter."),
    (
        CueKind.LEGAL,
        "Our general counsel is going through the contract and what it says about you paying for"
        " this.",
    ),
    (
        CueKind.LEGAL,
        "Third time this has gone wrong. You'll be hearing from our solicitors in writing.",
    ),
]
# A thirty-second round (session 31, batches 91-94, 101 of 120 on first play; nine pings
# missed): sign-off handed up, whoever "sits above this queue", guests "that aren't ours" in an
# export, who is liable and the insurer's incident report, a regulator named by its field, an
# undeclared allergen or an allergy ending in A&E, an injury from the product told plainly, a
# named rival signed with, the contracts sent to a competitor, the thread put up on every forum.
THIRTY_SECOND_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Please have this handed to someone who actually has sign-off on write-offs.",
    ),
    (CueKind.MANAGER_REQUEST, "I want whoever sits above this queue to look at it today."),
    (
        CueKind.MANAGER_REQUEST,
        "Connect me today with the person who actually has authority over refunds.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The export contains customers that aren't ours, with their phone numbers.",
    ),
    (
        CueKind.LEGAL,
        "Her parents are asking who is liable and their insurer wants your incident report.",
    ),
    (CueKind.LEGAL, "I've already reported it to the trading standards people, expect a call."),
    (CueKind.SAFETY, "The label missed it: an undeclared allergen, and my son reacted badly."),
    (CueKind.SAFETY, "Your harness clip failed and my instructor has a fractured wrist."),
    (CueKind.CHURN, "We're signing with Paddlepro next week, you can keep your renewal."),
    (CueKind.CHURN, "That's it, every one of our 20 licences goes to a competitor at renewal."),
    (
        CueKind.THREAT_ABUSE,
        "Refund today or this whole thread goes up on every reseller forum I know.",
    ),
]
# round thirty-three (blind batches 95-98): the one who must hear of it named by function, the
# whole account or fleet taken to a rival, a document of someone else's opened, a pet name said
# to the agent
THIRTY_THIRD_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Fine, it's above you. Send it to whoever does have the power to approve it.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I need a person at your end who can speak on behalf of the company, not a ticket number.",
    ),
    (CueKind.MANAGER_REQUEST, "Put this in front of whoever owns our account over there, today."),
    (CueKind.MANAGER_REQUEST, "I want a call with whoever actually runs your trade accounts."),
    (
        CueKind.LEGAL,
        "The people who regulate electrical goods need to hear about this and they will.",
    ),
    (
        CueKind.LEGAL,
        "When the coastguard investigators ask who made that winch, they'll get your company name"
        " and this thread.",
    ),
    (CueKind.LEGAL, "I'm informing the consumer safety authority on Monday."),
    (
        CueKind.DATA_EXPOSURE,
        "The invoice that downloaded is for a completely different family, their address on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I'm looking at another patient's test results in my portal right now.",
    ),
    (
        CueKind.CHURN,
        "Enough. We're moving the whole account over, someone else can have our spend.",
    ),
    (
        CueKind.CHURN,
        "Our entire fleet is getting replaced with another brand in the spring, and I'll say why.",
    ),
    (
        CueKind.CHURN,
        "At the renewal meeting I'll be telling the committee exactly why it shouldn't be you.",
    ),
    (CueKind.THREAT_ABUSE, "Don't read me the policy again, sweetheart."),
]
THIRTY_THIRD_LOOKALIKES = [
    "honey everywhere in the box lol, two jars cracked but the rest are fine",
    "cheers, darling! you've saved my week",
    "we're moving the whole account over to our new parent company's billing address in May",
    "can you move the whole account to someone who is still with us? Tom has left",
    "the people who audit our books need to know the invoice numbers, could you export them?",
    "we have to notify the food safety authority of our new kitchen, can you send the spec sheet?",
    "our insurers asked who supplied the ladders, I gave your name, they just want the invoice",
    "the statement that arrived is for a different company of ours, can you re-send it for Leeds?",
    "I told the board why we should stay with you and they agreed, renewal is signed",
    "we're replacing the whole range with your new model next year, can't wait",
    "the whole fleet got switched to winter tyres yesterday, all good",
]
# round thirty-four (blind batches 99-102): who decides, by function again; counsel as "the folks
# who handle our legal matters"; another customer's details in what we sent; every order of the
# next season gone to a rival; a small part come loose in a child's mouth
THIRTY_FOURTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Then I'd like it in front of whoever is really able to grant an exception.",
    ),
    (CueKind.MANAGER_REQUEST, "Please send it up to the person who makes these decisions."),
    (CueKind.MANAGER_REQUEST, "Find me someone who's allowed to approve more than a voucher."),
    (
        CueKind.MANAGER_REQUEST,
        "I want this dealt with by someone who can actually sign the credit note.",
    ),
    (CueKind.LEGAL, "Our paperwork is with the folks who handle our legal matters now."),
    (CueKind.DATA_EXPOSURE, "My statement contains another customer's bank details on the back."),
    (
        CueKind.DATA_EXPOSURE,
        "your app is handing out other users' home addresses to anyone who logs in",
    ),
    (CueKind.CHURN, "Every site order for next year goes to them unless this is sorted today."),
    (CueKind.SAFETY, "A button popped off the toy and my toddler had it in his mouth."),
]
THIRTY_FOURTH_LOOKALIKES = [
    "brilliant, I'll pass it up the chain for sign-off. thanks!",
    "the whole account goes to Procurement for approval next week",
    "the cap came off the bottle and I nearly choked laughing",
    "the booking has someone else's name on it because my PA booked it, is that OK?",
    "thanks for the link, super helpful, that sorted it!",
]
# round thirty-five (blind batches 103-106): who has the power, by function; all of a kind of
# work gone to a rival; the story to the papers or on every group; counsel as the firm that
# handles disputes; a safety notice and the insurer asking whose fault it was
THIRTY_FIFTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Who over there really has the power to overrule this? Today, please.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I want this in front of whoever runs dispatch, not another apology.",
    ),
    (CueKind.MANAGER_REQUEST, "I need somebody at your end who can properly own this mistake."),
    (CueKind.CHURN, "Enough. All our baking goes to another bakery from next week."),
    (CueKind.THREAT_ABUSE, "Sort it by Friday or the whole story goes to the local paper."),
    (CueKind.THREAT_ABUSE, "Fine. I'm posting the whole thing on every parents' group in town."),
    (CueKind.LEGAL, "The thread is already with the law firm that handles our disputes."),
    (CueKind.LEGAL, "We're filing a safety notice with the product safety people on Monday."),
    (CueKind.LEGAL, "Our insurer is going to ask whose fault this was, and I'll tell them."),
    (
        CueKind.DATA_EXPOSURE,
        "In the portal I can see a firm called Norlake Ltd with their invoices and IBAN.",
    ),
]
THIRTY_SIXTH_ROUND = [
    (CueKind.MANAGER_REQUEST, "I want the person who signs off on your sourcing on this thread."),
    (
        CueKind.MANAGER_REQUEST,
        "I want this in front of whoever owns pricing or runs your accounts.",
    ),
    (CueKind.CHURN, "Your sponges come off the shelves in all 40 of our stores this month."),
    (CueKind.CHURN, "Enough. Take this as notice that the standing order ends this week."),
    (CueKind.CHURN, "I'm telling purchasing to move every open PO over to Brennan's by Friday."),
    (CueKind.CHURN, "Six years we've bought from you and this is what we get."),
    (CueKind.THREAT_ABUSE, "I'm two minutes from telling every one of them how you handle things."),
    (
        CueKind.THREAT_ABUSE,
        "i'm posting this whole thread on linkedin tonight and tagging your ceo.",
    ),
    (
        CueKind.LEGAL,
        "This whole thread is going to the people who drafted our framework agreement.",
    ),
    (CueKind.LEGAL, "Then I'm telling the weights and measures people who printed the wrong ABV."),
    (CueKind.LEGAL, "if this isn't sorted today I'm filing a report with the police."),
    (
        CueKind.DATA_EXPOSURE,
        "In our box was a packing slip for a different customer: her name, address and phone.",
    ),
    (CueKind.DATA_EXPOSURE, "Which makes me wonder who's holding OUR details right now."),
]
THIRTY_SEVENTH_ROUND = [
    (CueKind.MANAGER_REQUEST, "put me in touch with whoever signs off on allocations. today."),
    (
        CueKind.MANAGER_REQUEST,
        "I need somebody at your company who can actually commit engineers and sign off on it.",
    ),
    (CueKind.CHURN, "We have 38 salons on your brushes and every one of them is switching brand."),
    (CueKind.LEGAL, "Her family already has a solicitor looking at it."),
    (CueKind.LEGAL, "my insurer wants your product liability details by Monday."),
    (CueKind.LEGAL, "I'm walking this over to the state control board myself."),
    (
        CueKind.LEGAL,
        "I've forwarded this thread to the people who handle contract disputes on our side.",
    ),
    (CueKind.LEGAL, "If it isn't posted by Friday, they'll be contacting your company formally."),
    (
        CueKind.DATA_EXPOSURE,
        "It's for a different shop in Leeds, with their address and the last four of their card.",
    ),
    (CueKind.DATA_EXPOSURE, "Someone out there now has our address and payment info."),
]
THIRTY_EIGHTH_ROUND = [
    (
        CueKind.CHURN,
        "From next month all our button and trim purchasing, about 40k a year, goes to the "
        "distributor in Lyon.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "the next video is going to be about exactly how you treat subscribers",
    ),
    (
        CueKind.LEGAL,
        "I'll report it to the food inspection authority and tell them where it came from.",
    ),
    (CueKind.LEGAL, "Enough. I've asked my bank to reverse the $640."),
    (
        CueKind.DATA_EXPOSURE,
        "the preview shows a completely different couple's invite. their names, their home address",
    ),
]
FORTY_SECOND_ROUND = [
    (CueKind.CHURN, "forget it. the club's whole account goes to Harlow's from monday"),
    (CueKind.CHURN, "we're done after this order, I have quotes from three other mills"),
    (CueKind.SAFETY, "two diners were hospitalised on friday, the lab says listeria"),
    (CueKind.LEGAL, "next it will be our insurers and lawyers contacting you"),
    (CueKind.DATA_EXPOSURE, "details of 300 members are now sitting with another company"),
    (CueKind.MANAGER_REQUEST, "let me speak to whoever is allowed to change the price"),
    (CueKind.MANAGER_REQUEST, "is there anyone there who actually put their name to the contract?"),
]
FORTY_SECOND_LOOKALIKES = [
    "the whole account goes to Procurement for sign-off on monday, then we can order",
    "I have quotes from two other mills for comparison, can you send yours?",
    "my dad was admitted to hospital so can we move the delivery to next week?",
    "the venue's events manager asks me every day about the badges, any update?",
]
# A forty-third round (blind batches 135-138): a public health office named as where it goes, the
# person who can put their name to it, someone "with actual responsibility", the whole category or
# every site moved to a rival, every open order cancelled, a child who could have choked, the
# ask passed to whoever "there" has the authority
FORTY_THIRD_ROUND = [
    (CueKind.LEGAL, "if the answer isn't good enough this goes to the county health department"),
    (CueKind.LEGAL, "I'm reporting this to environmental health tomorrow"),
    (CueKind.MANAGER_REQUEST, "I need someone who can actually put their name to that."),
    (CueKind.MANAGER_REQUEST, "make sure someone with actual responsibility sees this today"),
    (CueKind.MANAGER_REQUEST, "who on your side can actually close this out?"),
    (CueKind.MANAGER_REQUEST, "pass this to whoever there actually has the authority to decide"),
    (CueKind.CHURN, "every one of our 9 shops goes to another brand in spring"),
    (CueKind.CHURN, "our buyer moves the whole range to Northwind next month"),
    (CueKind.CHURN, "cancel that one and every other open order we have with you"),
    (CueKind.SAFETY, "A REPLACEMENT?? My son could have choked on it."),
    (CueKind.LEGAL, "this is going to the people who drafted that contract"),
]
FORTY_THIRD_LOOKALIKES = [
    "can you send the hygiene certificate to the county health department for our permit?",
    "we tuned the BBb tubas yesterday, all good now",
    "GET /favicon.ico returns 404 since the deploy, could you check?",
    "our lawyer says the tender file needs the current version of the certificate",
    "I nearly choked laughing at the cat video you sent, thanks",
    "every one of our shops goes to the new opening hours next week",
    "we're moving the whole range to the spring planogram on monday",
    "please cancel that one order, the rest we have with you stay as they are",
]
# A forty-fourth round (blind batches 139-142): every site off the platform, the body that
# accredits a lab, the people who handle the contracts taking it from here, a letter about
# recovering losses
FORTY_FOURTH_ROUND = [
    (CueKind.CHURN, "I'm done. All 9 shops come off your platform at the end of the month"),
    (CueKind.LEGAL, "I'll have to raise it with whoever accredits your lab"),
    (CueKind.LEGAL, "the people who handle our contracts will take it from here"),
    (CueKind.LEGAL, "you should expect a letter from them about recovering our losses"),
]
FORTY_FOURTH_LOOKALIKES = [
    "the pressure regulator was set to 4 bar, fixed it now, thanks",
    "the propane regulator on the grill hisses a bit, is that normal?",
    "all 14 sites come off your platform for the maintenance window tonight, right?",
    "the people who handle our contracts asked for the signed copy, could you resend it?",
    "I raised it with whoever accredits our lab and they said it's all fine",
]
# A forty-fifth round (blind batches 143-146): the food standards people, counsel sending the
# file to the product-safety people, someone able to make an exception, whoever signs off
# brought into the thread, someone at your company who can, today, a person actually allowed
# to decide, a weight landed on a foot, others' PINs on our dashboard
FORTY_FIFTH_ROUND = [
    (CueKind.LEGAL, "you can explain that to the food standards people, I've sent them the photos"),
    (CueKind.LEGAL, "our counsel sends the whole file to the product-safety people on friday"),
    (CueKind.MANAGER_REQUEST, "then I need someone who is able to make an exception"),
    (CueKind.MANAGER_REQUEST, "whoever signs off on your key accounts, get them into this thread"),
    (CueKind.MANAGER_REQUEST, "I need someone at your company who can, today."),
    (CueKind.MANAGER_REQUEST, "I want a call from a person who is actually allowed to decide"),
    (CueKind.SAFETY, "the lid slid off and landed on my daughter's foot, broken toe confirmed"),
    (
        CueKind.DATA_EXPOSURE,
        "our portal shows two clinics that aren't ours, with patient names and phone numbers",
    ),
]
FORTY_FIFTH_LOOKALIKES = [
    "I need someone at your company who can install it on tuesday, is that you?",
    "the box fell on my foot lol no harm done, the mugs are fine",
    "our team explained it to the health department already, all approved, thanks!",
]
# A forty-sixth round (blind batches 147-150, played on the final code of session 35): the
# vendor's whole line off the shelves or the planogram, whoever is allowed to sign off, a report
# to the authority for product safety or filed with an agency, a sprain ending in urgent care
# Batches 179-182: someone else's people named by whose they are, with their details, in any
# order; counsel named by the agreement they drew up; the contracts that walk with the customer;
# the account closed and the next order sent to a rival; the person who decides, placed "over
# there" or "on your side"; "..., tell me who can".
# Batches 183-186: someone else's record by whose it is ("isn't our property", "a different boy's
# report", "someone else's job"), disbelief asked twice ("isn't mine??") as no question, the whole
# members sheet in a mail-out, the legal department writing to the company, a court money claim,
# the kit ripped out, next year's order to another maker, "Who do you report to?".
# Batches 187-190: someone else's record (", not ours:", "isn't for me", "someone called X's",
# a key safe and its code, a door entry code), children from the other schools in view; the
# consumer safety officers, outside counsel; "the person with the authority to overturn",
# "whose call is it over there to"; standing orders cancelled by their months, every site gone;
# a team called a useless bloody lot, a visit outside the warehouse.
# Batches 191-194: someone else's people by who they work for ("operators who don't work for
# us", "a shop called X", "a different development", "not our staff"), our own list feared in
# someone else's inbox; the council team that investigates misdescribed goods, the firm that
# handles our disputes; "the person at your place who can approve", "a person at your company
# with the authority to"; no brain between you, "someone there is getting it"; the order placed
# with another mill.
FIFTY_SEVENTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "the app lists 30 drivers who don't work for us, with their mobile numbers and home "
        "postcodes",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the statement is for a shop called Oak & Ash, with the owner's mobile number on it",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the second tab has 150 names, home addresses and mobile numbers. They're not our staff.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "it has every family's phone numbers on it and ours is probably sitting in someone else's "
        "inbox too",
    ),
    (
        CueKind.LEGAL,
        "I've sent the lab report to the council team that investigates misdescribed goods",
    ),
    (
        CueKind.LEGAL,
        "it's with the firm that handles our commercial disputes, they'll be in touch about costs",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I need to speak to the person at your place who can approve a replacement, today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I want this in front of a person at your company with the authority to send a crew.",
    ),
    (CueKind.THREAT_ABUSE, "have any of you got a brain between you?"),
    (
        CueKind.THREAT_ABUSE,
        "this is a joke. if my order isn't on that bay at 7am someone there is getting it",
    ),
    (CueKind.CHURN, "this is a joke. we're placing the spring order with another mill."),
]
FIFTY_SEVENTH_LOOKALIKES = [
    "I'll send the report to the council team that handles our licence, thanks!",
    "We're placing the order with the same supplier as last year, just checking the price.",
    "The tab lists our 40 drivers with their mobile numbers, can you hide that column?",
]
# batches 195-198: a safety or environment regulator told or investigating, a lawyer handed the
# evidence, a claim put to us, costs recovered from us, a firm acting for the customer; the
# evidence handed to the customer's circle as leverage; a threat by knowing someone's car;
# other people listed with their details, everyone's details open to everyone, a hedged "I
# think?" that states; the rest of the work sent to a rival trade, the other lot stocked
FIFTY_EIGHTH_ROUND = [
    (
        CueKind.LEGAL,
        "I rang the health and safety people this afternoon and an inspector is calling",
    ),
    (
        CueKind.LEGAL,
        "The environmental health officer came out this morning. She says there will be an "
        "investigation.",
    ),
    (CueKind.LEGAL, "My solicitor now has the photos and every email you sent."),
    (CueKind.LEGAL, "she is putting a formal claim against your company for the vet bills"),
    (CueKind.LEGAL, "the assessor says the insurer will recover its costs from your firm"),
    (CueKind.LEGAL, "we have instructed solicitors to act for us over the defects"),
    (
        CueKind.THREAT_ABUSE,
        "Fine. Every parent in our WhatsApp group sees these pictures tonight unless somebody "
        "phones me.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I'm sharing what happened in the allotment society's newsletter and members can decide "
        "for themselves whether to keep buying from you.",
    ),
    (CueKind.THREAT_ABUSE, "tell your driver i know which van is his"),
    (
        CueKind.DATA_EXPOSURE,
        "the report lists other tenants with their mobile numbers and dates of birth",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the shared drive has everyone's national insurance numbers and anyone in the warehouse "
        "can open it",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The export isn't ours. It has 90 names with home addresses, from a school in Leeds I "
        "think?",
    ),
    (CueKind.CHURN, "that's it. we're stocking the other lot's crisps in all three cafes now."),
    (CueKind.CHURN, "this is a joke. the remaining 30 jobs are going to the joiners in Selby."),
]
FIFTY_EIGHTH_LOOKALIKES = [
    "I'll share the photos in our parents' group tonight, they'll love them!",
    "We put the story in the local paper and tagged you, thank you so much!",
    "He wants to watch himself on those stairs, they're slippery.",
    "We've asked a firm in Leeds to act for us on the lease, can you send the certificate?",
    "The rest of the order is going to the warehouse in Leeds as usual.",
    "Please make sure everyone's bank details are in the payroll file so all the team leads can "
    "see it.",
    "Can other customers see our home addresses, I think?",
]
# batches 199-202: whoever at your place can overrule; an official body named by what it
# certifies or inspects; every member's details mailed, everyone's details in view; the work
# given to a rival named by its capitals; a mock threat laughed off stays calm
FIFTY_NINTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "No. Put me through to someone at your company who can actually overrule the policy.",
    ),
    (
        CueKind.LEGAL,
        "I've phoned the national seed certification body and they're coming to take samples.",
    ),
    (
        CueKind.LEGAL,
        "The county's trading standards officers have asked for your batch records by Friday.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The attachment lists every volunteer with their home addresses and phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "On the booking page I can see everyone's dates of birth and their allergy notes.",
    ),
    (
        CueKind.CHURN,
        "That's it, I'm finished. The autumn orders and the new site are going to Hartwell Mills.",
    ),
]
FIFTY_NINTH_LOOKALIKES = [
    "if you sell the last blue ones to the shop next door I will hunt you down 😂",
    "The parcel is going to Leeds on Monday, can you confirm the address?",
    "Can you add every member's phone numbers to the roster, please?",
    "Our invoices are going to Finance for sign-off this week.",
]
# batches 203-206: the notice to leave asked in anger, the standing order stopped, goods got from
# a rival by name; followers who will see the shop tagged; a consumer advice line and a file
# opened, a firm that acts for the customer writing about costs; "that person on this thread",
# the owner, someone who can do more than read the policy; every adopter in view; a sheet that
# is another school's, "not us:"
SIXTIETH_ROUND = [
    (CueKind.CHURN, "Enough. Tell me how much notice you need on both contracts, they're ending."),
    (CueKind.CHURN, "Right, that's it. Take us off the standing order from the end of the month."),
    (CueKind.CHURN, "Sick of this. From Monday both cafes get their milk from Dalehead."),
    (
        CueKind.THREAT_ABUSE,
        "I have 20k followers and every one of them will see the photos with your shop tagged.",
    ),
    (CueKind.LEGAL, "I phoned the consumer advice line this morning and they've opened a file."),
    (
        CueKind.LEGAL,
        "The invoices are with Marsh & Co, who act for the club, and they'll be writing to you "
        "about recovering those costs.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Who actually runs the hire side? I want that person on this thread.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Please hand this to the owner, someone who can do more than quote me the policy.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Our volunteers can see every adopter across all branches: names, home addresses and phone"
        " numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "It's the dietary sheet for Holt Primary, not us: children's names and medical notes.",
    ),
]
SIXTIETH_LOOKALIKES = [
    "Let me know what notice you need to change the delivery day, thanks!",
    "We get our milk from Dalehead for the other site, all good.",
    "It was the courier, not us, who left it out. Can you resend the invoice?",
    "Loved it! I have 20k followers and I've shared the photos with your shop tagged 😍",
]
SIXTY_FIRST_ROUND = [
    (CueKind.CHURN, "Forget it. We won't be placing any more orders with you after this one."),
    (CueKind.CHURN, "Third late delivery this spring. We won't be buying from you again."),
    (
        CueKind.CHURN,
        "Third late order running. Next year's order goes to the mill in Galashiels we turned "
        "down.",
    ),
    (
        CueKind.LEGAL,
        "Our lawyers have copies of every invoice and this chat. You'll hear from them on Monday.",
    ),
    (
        CueKind.LEGAL,
        "Their insurer intends to recover the full cost of the flood from whoever installed the "
        "valve.",
    ),
    (
        CueKind.LEGAL,
        "We've filed a serious incident report with the agency that regulates medical devices.",
    ),
    (CueKind.SAFETY, "The spare cylinders from that fill tested at 20 ppm CO."),
    (CueKind.MANAGER_REQUEST, "I need whoever at your end can actually approve a reprint today."),
    (CueKind.MANAGER_REQUEST, "Same answer again. So who there can give me a straight answer?"),
    (CueKind.MANAGER_REQUEST, "Still nothing from the warehouse. Then go above them."),
    (
        CueKind.DATA_EXPOSURE,
        "The attachment lists every member's name, home address and date of birth. I don't think "
        "I'm meant to have it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The delivery note has a second page listing 12 other customers with their names and "
        "phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "That account isn't ours. When I open it I can see their staff list, names and mobile "
        "numbers included.",
    ),
]
SIXTY_FIRST_LOOKALIKES = [
    "We won't be ordering from you this month, the shop is closed for a refit.",
    "How do I export every member's phone number for the committee?",
    "Can you go over the quote with me before Friday?",
    "The CO monitor is showing 0 ppm CO after the install, all fine.",
    "My pitch got moved to 3pm, what the hell, that works even better 😂",
]
SIXTY_SECOND_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The second page is a full profile for a Dana Price, her date of birth and home address. "
        "I don't know this person.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "My list shows 20 bookings that aren't from our team, I can see names, dates of birth and "
        "phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The map is definitely not my house. It shows the owner's name, the full address and the "
        "alarm PIN.",
    ),
    (
        CueKind.LEGAL,
        "The loss adjuster says their insurers will be pursuing you for the damage to the shop "
        "below.",
    ),
    (
        CueKind.LEGAL,
        "Trading standards came in this morning and they're taking it up formally with your "
        "company.",
    ),
    (CueKind.CHURN, "Cancel the March order and don't bother with our summer order either."),
    (CueKind.CHURN, "Third breakdown. Tell me what it costs to get out of the contract early."),
    (CueKind.CHURN, "Third breakdown. We've had Brightwash in to quote for all four sites."),
    (CueKind.CHURN, "Fine. Next year's beech and ash, all of it, is going to Kelso Timber."),
    (CueKind.CHURN, "Third short delivery. Take the weekly standing order off from next month."),
    (
        CueKind.THREAT_ABUSE,
        "If my dog is hurt I'll be taking it out on whoever's on the desk.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I know where the depot is. Maybe I'll find the driver myself and have a word.",
    ),
    (CueKind.THREAT_ABUSE, "Fine. The whole story goes on the village Facebook page tonight."),
    (
        CueKind.MANAGER_REQUEST,
        "I want this put to whoever at head office actually decides refunds.",
    ),
    (CueKind.MANAGER_REQUEST, "What has to happen for this to reach someone who can fix it?"),
]
SIXTY_SECOND_LOOKALIKES = [
    "Sorry about Friday, I was stressed and took it out on you. All working now, thanks!",
    "We booked a court for Tuesday at 6, can you confirm the time?",
    "Photos of the party are going on our Facebook page, the kids loved it!",
]
SIXTY_THIRD_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "Half the rows aren't our bookings, they're another school's: names, phone numbers and "
        "passport numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The shared folder has every branch's staff in it: names, national insurance numbers and "
        "sort codes.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Our members gave us their home addresses for deliveries, not to be put on the internet.",
    ),
    (
        CueKind.LEGAL,
        "Our solicitors have read the contract. They'll be writing to your company about the "
        "standby costs.",
    ),
    (
        CueKind.LEGAL,
        "The council's food team came in and took samples from the tray you delivered.",
    ),
    (
        CueKind.LEGAL,
        "I've filled in the unsafe product report on the citizens advice site.",
    ),
    (CueKind.SAFETY, "The doctor says it looks like a chemical burn from the dye."),
    (
        CueKind.SAFETY,
        "Two guests from Friday's party have been ill and one ended up in A&E.",
    ),
    (
        CueKind.CHURN,
        "Third missed delivery. From next month all 6 of our cafes will serve their coffee "
        "instead of yours.",
    ),
    (
        CueKind.CHURN,
        "Third missed delivery. Send me whatever paperwork ends the supply agreement.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Please ask Priya, your managing director, to call me this afternoon.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Who over there actually decides on pausing the lease while they're broken?",
    ),
]
SIXTY_THIRD_LOOKALIKES = [
    "The variation just needs countersigning by your director before we release the payment.",
    "Our solicitor has the lease and is happy with it, she'll be writing to you to confirm.",
]
# A sixty-fourth round, from batches 219-222 (88 of 120 on first play): a whole group's orders
# going "to them", the fleet handed back early; details listed and "none of these people are our
# patients", "the rest are from a choir called ...", "these aren't ours", addresses in the To line;
# an inspector tracing it back to us, the pollution line rung, "the chap who handles our legal
# side"; someone "allowed to make an exception".
SIXTY_FOURTH_ROUND = [
    (CueKind.CHURN, "From next month both our hotels will order from them instead. Done."),
    (
        CueKind.CHURN,
        "Give me a figure for sending all six back early, we'll go with someone who can actually "
        "service them.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Page two lists 40 residents with home addresses and medical conditions. None of these "
        "people are our tenants.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The rest are from some other nursery: full names, dates of birth and allergy notes.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "It's a payroll file with names, national insurance numbers and bank details. These aren't "
        "ours and I don't think we should be able to see them.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Every parent's email address is in the To: line, someone forgot to use BCC.",
    ),
    (
        CueKind.LEGAL,
        "The food safety officer took our order details so they can trace the outbreak back to "
        "your kitchen.",
    ),
    (
        CueKind.LEGAL,
        "I've passed it all to the chap who handles our legal side. You'll hear from him this "
        "week.",
    ),
    (
        CueKind.LEGAL,
        "I had to ring the environment agency's pollution hotline and they're sending an officer "
        "out today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I'd like to talk to someone there who is authorised to waive the restocking fee.",
    ),
]
SIXTY_FOURTH_LOOKALIKES = [
    "Thanks, I'll pass it to our solicitors and let you know once it's signed.",
    "We're coming back for the big order in spring, so consider yourselves warned 😄",
    "The oven keeps switching off after ten minutes, we bought it from you last month.",
    "Can you send the newsletter to all the parents, not BCC please, they like to reply-all.",
    "Thanks for getting it all sorted. From next month both our hotels will order the new range.",
]
# A sixty-fifth round, from batches 223-226 (96 of 120 on first play): a threat to the driver
# "me and the lads will be waiting for him", "whoever is there is going to get it from me",
# screenshots for a whole group; every site moved to a rival, "cancel whatever hasn't shipped",
# the next order promised elsewhere; samples "taken away for testing", papers forwarded to legal
# advisers; "another company's private info"; "whoever plans it, or their boss", "if you don't
# know, is there anyone who does?"
SIXTY_FIFTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Next time that van comes up my lane me and the lads will be stood waiting for him.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If it's not here by six, whoever is there is going to get it from me.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "This is a joke. Tonight they're all getting screenshots of this chat, all 15,000 of them.",
    ),
    (
        CueKind.CHURN,
        "That's it. We're moving all four shops over to them from next month.",
    ),
    (
        CueKind.CHURN,
        "Useless. Cancel whatever hasn't shipped, Harbour Optics will be getting the winter order.",
    ),
    (
        CueKind.LEGAL,
        "The council officer came in this morning and took three jars away for testing.",
    ),
    (
        CueKind.LEGAL,
        "I've forwarded the contract and our list of costs to our legal advisers this morning.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "That's someone else's personal information on my screen, with her home address.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Put me through to whoever runs your dispatch, or their boss, today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Third time asking. If you don't know, is there anyone there who does?",
    ),
]
SIXTY_FIFTH_LOOKALIKES = [
    "My assistant wasn't sure whether to ask his manager or their boss first.",
    "Hi, is there anyone who can help me set up the label printer?",
    "Thanks! Enjoy your weekend.",
    "Our lawyer took the contract away to review, she's happy with it.",
]
# A sixty-sixth round, from batches 227-230 (98 of 120 on first play): the driver waited for at
# the gate, the photos put up "or" else; the last delivery named, the season given to a rival;
# the business wished gone under; a call from "the person who decided".
SIXTY_SIXTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Next time your driver comes up the lane I'll be waiting for him at the gate.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Sort it by five, or the photos go up on our page with your name tagged.",
    ),
    (CueKind.THREAT_ABUSE, "Keep your cakes. Useless lot. Hope the place goes under."),
    (
        CueKind.CHURN,
        "Third week running. Today's your last delivery to us, send the final statement.",
    ),
    (
        CueKind.CHURN,
        "Enough. Hillside Farm can have the rest of the season, and next year's too.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I want a phone call from the person who decided to overbook the course.",
    ),
]
SIXTY_SIXTH_LOOKALIKES = [
    "Just logging the alarms so they don't get lost, nothing urgent.",
    "Tell the driver he's lucky chef didn't come down there with his ladle lol",
    "The port is a zoo this week, our other supplier is stuck too, not your fault.",
    "Could our next orders go with a different carrier? The current one leaves them in the rain.",
    "Next time your driver comes I'll be waiting for him with a cup of tea!",
]
# A hundred-and-twenty-third round, from batches 455-458 (107 of 120 on first play): an
# ultimatum with the whole story to be posted if it fails.
HUNDRED_AND_TWENTY_THIRD_ROUND = [
    (CueKind.THREAT_ABUSE, "If this isn't sorted by Monday, I'm posting the whole thread."),
]
HUNDRED_AND_TWENTY_THIRD_LOOKALIKES = [
    "Our lawyer already sent the copycat the usual cease and desist; what do you need for your "
    "IP form?",
    "If it's not sorted by Friday I'll share the update with the team.",
]
# A hundred-and-twenty-fourth round, from batches 459-462 (106 of 120 on first play): the story
# to go out on the customer's channels unless they hear by a time; the matter to be picked up by
# whoever runs support; the rival named as where they will be; our lawyers holding the thread; a
# regulator's complaint form in the possessive; the rest of an export another firm's; a write-up
# of how we treat people to be posted where peers look.
HUNDRED_AND_TWENTY_FOURTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If I don't hear by noon, the whole saga goes out on our socials and in the club "
        "newsletter, screenshots and all.",
    ),
    (CueKind.MANAGER_REQUEST, "Could this be picked up by whoever runs your support team, please?"),
    (CueKind.CHURN, "We'll be on another platform by the spring."),
    (CueKind.LEGAL, "Our solicitors have this thread and will be in touch."),
    (
        CueKind.LEGAL,
        "I've got the Data Protection Commission's complaint form open and I'll be filing it, "
        "with you named.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The export has 90 rows and we have 12. The rest belong to another practice.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "There's a write-up on how you treat your suppliers ready, and it'll be posted on every "
        "trade forum I'm on.",
    ),
]
HUNDRED_AND_TWENTY_FOURTH_LOOKALIKES = [
    "The council licensing office has asked us for the trip logs for one plate, how do I export "
    "them?",
    "We have a month to respond or the regulator can get involved, so how do I export one "
    "person's data?",
    "The courier's photo is of a door that isn't ours, can you help us claim?",
    "We'll be on another call until 3, back after.",
    "I cancelled our add-on on 2 Nov but we were charged for it on the 5th, can you check?",
]
# A hundred-and-twenty-fifth round, from batches 463-466 (108 of 120 on first play): leaving as
# an instruction ("don't renew us") and as a move to something else.
HUNDRED_AND_TWENTY_FIFTH_ROUND = [
    (CueKind.CHURN, "Export our order history and don't renew us in March."),
    (CueKind.CHURN, "We'll move the booking side to something else before the summer."),
]
HUNDRED_AND_TWENTY_FIFTH_LOOKALIKES = [
    "Venting not at you: the carrier has lost another box. Can I reprint the label?",
    "Our solicitor says it's routine and we have a month. Is there an export per buyer?",
    "The Environment Agency want our annual return by the end of February, how do I export it?",
    "We're bringing our second site onto your platform and will cancel the old contract once "
    "the move is done.",
]
# A hundred-and-twenty-sixth round, from batches 467-470 (105 of 120 on first play): a visit
# nobody will enjoy; the customer's regulator told the fault is ours; someone else's statement in
# the account, with what it shows; every listing moved off the platform; the shop taken
# somewhere that works; the whole story posted unless refunds are back by a day.
HUNDRED_AND_TWENTY_SIXTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If nobody's here by Monday I'll come to you, and nobody's going to enjoy that visit.",
    ),
    (
        CueKind.LEGAL,
        "I rang the food safety office this morning and told them the mistake is in your software.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "This isn't our statement at all, it's another farm's, with their name and their IBAN.",
    ),
    (CueKind.CHURN, "We're moving every listing off your platform by the end of the month."),
    (
        CueKind.THREAT_ABUSE,
        "If those refunds aren't back by Friday, the whole thing goes in the club newsletter, "
        "screenshots and all.",
    ),
]
HUNDRED_AND_TWENTY_SIXTH_LOOKALIKES = [
    "Not on you at all, the carrier lost it. Can I file the claim from your shipping module?",
    "Can I regenerate the CoO for shipment EX-2231 and get it stamped by the chamber?",
    "We're evaluating alternatives for the label printers, does your app work with other brands?",
    "It shows closed since Monday, but the council lifted it and the other pickers were out.",
    "We have our annual visit from the council's environmental health officer next week.",
]
# A hundred-and-twenty-seventh round, from batches 471-474 (105 of 120 on first play): the file
# handed to the customer's lawyers in an ultimatum; someone's bank details said not to be theirs.
HUNDRED_AND_TWENTY_SEVENTH_ROUND = [
    (
        CueKind.LEGAL,
        "Either it's fixed today or the whole file goes to our union's legal people.",
    ),
    (CueKind.DATA_EXPOSURE, "Her payslip shows a BSB and account number that isn't hers."),
]
HUNDRED_AND_TWENTY_SEVENTH_LOOKALIKES = [
    "Our outside counsel is doing her annual review of how we ship restricted items.",
    "The textile regulator has a routine inspection at our site in February.",
    "My manager asked me to escalate it so we're well inside the deadline. What can you export?",
    "If the app is offline all day, will 2,300 head of tallies still sync tonight?",
    "The invoice went to an email we asked you in March to stop using. Could you take the fee off?",
    "We never got the invoice because it went to the wrong address, which we'd asked you to "
    "change.",
]
# A hundred-and-twenty-first round, from batches 447-450 (105 of 120 on first play): the
# customer's insurer after our registered details with a claim to follow; someone wanted for more
# than the agent does; menace in the listener's shoes; the trade told at the next show; someone
# else's people's details in view; the matter put before whoever runs the part that holds it.
HUNDRED_AND_TWENTY_FIRST_ROUND = [
    (
        CueKind.LEGAL,
        "Our insurers' claims handler has asked for your company's registered address, and you "
        "should expect a claim for the recall costs.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I need someone who can deal with the money side of it, not just the fix.",
    ),
    (CueKind.THREAT_ABUSE, "Wouldn't want to be whoever packed this when we get there."),
    (
        CueKind.THREAT_ABUSE,
        "Here's what happens if that answer comes back again: every one of them will hear "
        "about it.",
    ),
    (CueKind.DATA_EXPOSURE, "I'm looking at another club's members' personal details."),
    (
        CueKind.MANAGER_REQUEST,
        "I'd like this put in front of whoever actually runs your payments team.",
    ),
]
HUNDRED_AND_TWENTY_FIRST_LOOKALIKES = [
    "We're FCA-authorised, so our compliance lead will want the SOC 2 report before renewal.",
    "I wouldn't want to be the one who tells the board when they find out about the price rise.",
    "Everyone will hear about the new feature at the show, your call on the date though.",
    "Can you send it to whoever runs payroll on our side? That's Jo.",
    "We need someone who can cover the Saturday shift, not just the usual rota.",
    "My apprentice thinks the drying room is about to burst into flames 😂",
]
# A hundred-and-twenty-second round, from batches 451-454 (102 of 120 on first play): our fault
# put in a report to the customer's regulator; pages not the customer's with someone's details in
# them; a visit for a word the listener will not enjoy; the business moved off us in plain words.
HUNDRED_AND_TWENTY_SECOND_ROUND = [
    (
        CueKind.LEGAL,
        "Our P&I club says we have to file a report with the flag state, and if your update was "
        "to blame, that is what the report will say.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The invoice pack has two pages that aren't ours, with another firm's names and bank "
        "details.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I might pop over to your depot and have a word with whoever signed it off. Don't "
        "think they'll enjoy it.",
    ),
    (CueKind.CHURN, "We're moving everything to another platform next month."),
    (CueKind.CHURN, "We won't be paying for another year of this."),
]
HUNDRED_AND_TWENTY_SECOND_LOOKALIKES = [
    "An erasure request from one of our members came in and she copied the ICO, how do we "
    "action it?",
    "I'll have a word with my boss tomorrow, don't think he'll enjoy the news.",
    "We're moving everything to our own servers for the test environment.",
    "Please pass this up to whoever manages Darren, he went well beyond.",
]
# A hundred-and-twentieth round, from batches 443-446 (107 of 120 on first play): the agent asked
# if they are slow, as an insult; the customer's advisers to write about getting the money back;
# the thread handed up to someone able to act.
HUNDRED_AND_TWENTIETH_ROUND = [
    (CueKind.THREAT_ABUSE, "Are you actually this thick, or is it a training thing?"),
    (
        CueKind.LEGAL,
        "The whole file went to our solicitors today, you'll be hearing from them about the "
        "losses.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Please pass this to someone who can actually do something about it.",
    ),
]
HUNDRED_AND_TWENTIETH_LOOKALIKES = [
    "Could you pass this to the team that does the export format?",
    "You'll be hearing from our accountant about the VAT return next week.",
    "Our solicitor wants to know how long you keep crew data after we offboard someone.",
    "The inspector will want our silica exposure records for the year, what's the best export?",
    "That's got it. I'll forward the retention page to our solicitor. Thanks!",
]
# A hundred-and-nineteenth round, from batches 439-442 (107 of 120 on first play): the story
# promised to the customer's readers as interesting reading; us tagged in every post; this thread
# on the projector for a room of peers; the customer's inspector asking to hear from us; an answer
# wanted, in heat, from someone who knows.
HUNDRED_AND_NINETEENTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Our members' bulletin goes out Friday and I think they'll find this month very "
        "interesting reading.",
    ),
    (CueKind.THREAT_ABUSE, "I'll be tagging you in every post until it's fixed."),
    (
        CueKind.THREAT_ABUSE,
        "I'm speaking at the trade meeting and I'll have screenshots of this chat up on the big "
        "screen.",
    ),
    (
        CueKind.LEGAL,
        "The inspector wants our plan by Monday and he wants to hear from you directly.",
    ),
    (CueKind.MANAGER_REQUEST, "I need an answer from someone who actually knows the roadmap."),
]
HUNDRED_AND_NINETEENTH_LOOKALIKES = [
    "I think our members will find the new booking page really useful.",
    "Could you send screenshots of the new screens for the projector at our training day?",
    "The inspector wants to see the dust logs, can you export them for March?",
    "Not leaving you, boss just needs three quotes for the grant. Can you send one?",
]
# A hundred-and-eighteenth round, from batches 435-438 (107 of 120 on first play): a taunt about
# facing the customer in person; the story put up with our company's name on it; whoever can
# lift it, sent for; someone able to decide asked after, then asked for; the labour authorities
# brought in; another party's statement in what the customer opened, with what is private in it.
HUNDRED_AND_EIGHTEENTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Might pop in at your office on the way past and see how brave you are about that policy "
        "with me stood there.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "It all goes up in the county growers' group tonight with your company name on it.",
    ),
    (CueKind.MANAGER_REQUEST, "Get me whoever can actually release the hold, today."),
    (
        CueKind.MANAGER_REQUEST,
        "Is there anyone there who can make a decision on this? I'd like to speak to them.",
    ),
    (
        CueKind.LEGAL,
        "Our shop steward has been on to the labour department and they want the rotas.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The March invoice is for a different practice, with their patients' dates of birth on it.",
    ),
    (
        CueKind.LEGAL,
        "Trading Standards came in for a routine check and the officer took every box off the "
        "shelf.",
    ),
]
HUNDRED_AND_EIGHTEENTH_LOOKALIKES = [
    "Let's see how keen the crew are on the new rota when they're back on Monday.",
    "It goes up on our website tonight with your company name in the credits, thanks again!",
    "I opened the export for a different date range and the dates of birth column is empty.",
    "The Environment Agency abstraction return is due Friday, can we export daily volumes?",
    "We had a Trading Standards officer round on Tuesday, routine, nothing bad. How do I bold "
    "the allergens?",
    "We won't renew the reporting add-on, we'd be paying twice. Main subscription stays as is.",
]
# A hundred-and-seventeenth round, from batches 431-434 (101 of 120 on first play): the story
# typed up with this conversation's screenshots for the customer's peers; a visit to have a word in
# person, with the customer's men brought along; advice taken on getting the costs back from us;
# every fee we took disputed with the card companies; a rival named as where the account goes at
# renewal.
HUNDRED_AND_SEVENTEENTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "I've typed it all up, with screenshots of these replies, for the allotment society's "
        "Facebook group.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Might swing by your depot and have a quiet word in person. I'll bring a few of my "
        "drivers.",
    ),
    (
        CueKind.LEGAL,
        "Our finance director is getting advice on clawing back the costs from you.",
    ),
    (
        CueKind.LEGAL,
        "If it's not sorted by Monday I'm disputing every subscription payment you've taken since "
        "spring with my card company.",
    ),
    (CueKind.CHURN, "Honestly, that's it. We'll switch to Ferncrest at renewal."),
]
HUNDRED_AND_SEVENTEENTH_LOOKALIKES = [
    "We've written it up with screenshots of the new dashboard for our team wiki.",
    "Could we swing by your office for the training in person? I'll bring a couple of the new "
    "starters.",
    "Our accountant is taking advice on recovering the VAT from HMRC.",
    "We'll move to Xero at the end of the year, can you check the export still works?",
    "The network switch was moved by another contractor last week, so the port may be wrong.",
    "The council's licensing portal wants one PDF, can your app export the certificates together?",
    "Our lawyer says the holiday pay must be shown as a separate line on the payslip.",
    "Two of the collisions involved the police, so we need the reports for court.",
]
# A hundred-and-sixteenth round, from batches 427-430 (103 of 120 on first play): the office's
# hours known after its address; the story written up for the customer's peers with our pages as
# evidence; the records headed for something else; places not the customer's in their view, with
# their people's details; "then I need to speak to whoever can".
HUNDRED_AND_SIXTEENTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Nice unit you've got off the ring road. I know what time you lock up.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I'm writing this up for the regional growers' newsletter tonight, your status page "
        "screenshots and all.",
    ),
    (CueKind.CHURN, "I've had enough. By March they're going into something else."),
    (
        CueKind.DATA_EXPOSURE,
        "Our portal shows two schools we don't own, and I can see their pupils' names and phone "
        "numbers.",
    ),
    (CueKind.MANAGER_REQUEST, "You can't move it? Then I need to speak to whoever can."),
]
HUNDRED_AND_SIXTEENTH_LOOKALIKES = [
    "We're writing this up for our newsletter this week, lovely new feature!",
    "The depot manager changed the rota, can you restore Tuesday's version?",
    "We'll be moving to something else for the Christmas menu, can you archive the old one?",
]
# A hundred-and-fifteenth round, from batches 423-426 (105 of 120 on first play): the post the
# customer's group will all be reading unless it is fixed by a day; us named in the customer's
# report to an inspector, their lawyers asked where it leaves them; a paper said not to be
# theirs, named as another's; people said not to be theirs, with what is personal about them;
# whoever there is able to make a decision.
HUNDRED_AND_FIFTEENTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If bookings can't be fixed by Friday, they'll all be reading a post from me about how "
        "you've handled this, screenshots included.",
    ),
    (
        CueKind.LEGAL,
        "If the records are gone I'll be naming you in that report, and asking our lawyers where "
        "that leaves us.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The statement isn't ours. It's Hartley Dairy's, with their bank details and payment band "
        "on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "These aren't our tenants: names, dates of birth and benefit amounts for another landlord.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I'd like to speak with whoever there is able to make a decision on this.",
    ),
]
HUNDRED_AND_FIFTEENTH_LOOKALIKES = [
    "They'll all be reading the new handbook by Friday, can you upload it?",
    "Asking our lawyers whether we need a DPA, can you send yours over?",
    "Before we sign, our lawyer wants to review who's liable if a load fails inspection.",
]
# A hundred-and-fourteenth round, from batches 419-422 (106 of 120 on first play): another
# party's paper received, with their address; another organisation's rows, with what is personal
# in them; the customer's counsel after our incident timeline or the indemnity; the replacement
# already planned, the records asked out of ours; the story written up for the customer's peers,
# "every shop owner I know will see how you treated us".
HUNDRED_AND_FOURTEENTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "Our treasurer got the Morrisons' invoice this morning, with their home address and bank "
        "details on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Twelve of the rows come from another agency: full names, dates of birth, home addresses.",
    ),
    (CueKind.LEGAL, "Our general counsel has asked for your incident timeline before Friday."),
    (
        CueKind.LEGAL,
        "Legal want to know whether the indemnity clause in our contract covers the fines.",
    ),
    (
        CueKind.CHURN,
        "We'll have a replacement platform up and running by March, and I want to know how to get "
        "our booking history out of yours.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I'm writing this up, screenshots and all, for the county federation forum so every club "
        "in the county knows how you deal with refunds.",
    ),
    (CueKind.THREAT_ABUSE, "Every shop owner I know will see how you treated us this month."),
]
HUNDRED_AND_FOURTEENTH_LOOKALIKES = [
    "I got the Johnsons' booking moved to Friday, thanks for sorting it.",
    "We'll have another label printer up and running by Friday, so the labels can wait.",
    "Can you help me get the records ready before the council licensing visit next week?",
]
# A hundred-and-thirteenth round, from batches 415-418 (100 of 120 on first play): another
# party's people in what the customer got, with what is private about them; a paper for someone
# named, with their address; a filing with a department of public health; the firms that pitched
# against us called again; the thread or the story promised to the customer's peers unless it is
# put right by a day.
HUNDRED_AND_THIRTEENTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "Two of our members got a different member's booking form this morning, with the home "
        "address and door code on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The report we downloaded has 40 rows that belong to another clinic: names, dates of "
        "birth and mobile numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Page 3 of the pack is for a tenant named Ruth Abara, with her home address and her bank "
        "details.",
    ),
    (
        CueKind.LEGAL,
        "Our practice manager is filing with the Department of Public Health on Monday about this.",
    ),
    (
        CueKind.CHURN,
        "I've had enough of this. Our CFO is already talking to the firms who pitched against you "
        "last year.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If there's no fix by Thursday I'm posting this whole chat on your company page and "
        "telling them exactly what happened.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If the invoices aren't corrected by Monday, all of them hear at the regional forum "
        "exactly what you charged us.",
    ),
]
HUNDRED_AND_THIRTEENTH_LOOKALIKES = [
    "We're onboarding another clinic next month, can I import their staff names and dates of "
    "birth myself?",
    "Can alerts go to each site supervisor as well as the control room?",
    "We've got the weights & measures inspector in on Tuesday for the annual check, which report "
    "does he need?",
    "I'll sort them tonight, there's only a dozen left.",
    "The returns went to court e-filing fine this morning, thanks.",
]
# A hundred-and-twelfth round, from batches 411-414 (100 of 120 on first play): who is
# accountable, who over there owns it; the customer's solicitor asked about getting the cost back
# from us; a report to a regulator that will name us; good news or the story for a room of peers;
# a rival's demo booked.
HUNDRED_AND_TWELFTH_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "Three months of forwards. Who is actually accountable for billing over there?",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "You keep passing messages along. Who over there actually owns allocation?",
    ),
    (CueKind.LEGAL, "Our MD has asked our solicitor whether we can recover the cost from you."),
    (
        CueKind.LEGAL,
        "They report it to the regulator today and the report will say your software lost it.",
    ),
    (
        CueKind.LEGAL,
        "I'll state in that notification that the records were lost by our software supplier.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I'd much rather be telling them you sorted it than telling them what this week was like.",
    ),
    (CueKind.CHURN, "I've had enough of this. I've got a demo with Weighwise on Thursday."),
]
HUNDRED_AND_TWELFTH_LOOKALIKES = [
    "Our legal team want to redline the DPA this time round, who should they send comments to?",
    "Jumping in, I'm Luis's manager. Can we also get idle time per tractor in the file?",
    "We've got a demo with the new starters on Thursday, can you set up their accounts?",
    "I'd rather be telling the crews about the new app than the old one, any release date?",
]
# A hundred-and-eleventh round, from batches 407-410 (98 of 120 on first play): an investigator
# who will come to us; the thread sent to the firm that handles the customer's contracts; papers
# to a solicitor unless it is put right; the team lead asked for by title, someone who can
# actually move it; what to send over, the rival's contract starting, "we'll be on something
# else"; the thread going up with our name on it; the rest of the rows another party's people.
HUNDRED_AND_ELEVENTH_ROUND = [
    (
        CueKind.LEGAL,
        "The labour inspector rang me today and she may well contact you directly about it.",
    ),
    (
        CueKind.LEGAL,
        "I've forwarded this thread to Parry & Co, who handle our contracts. They'll write.",
    ),
    (
        CueKind.LEGAL,
        "The board will pass the invoices to our solicitor if this isn't credited by Friday.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Third outage this month. Who's your team lead? I want them on this thread today.",
    ),
    (CueKind.MANAGER_REQUEST, "This needs somebody who can actually move another booking."),
    (
        CueKind.CHURN,
        "I've had enough. Send over whatever we need to get our data out, our contract with "
        "Rotamax starts Monday.",
    ),
    (
        CueKind.CHURN,
        "Don't bother, this is useless. We'll be on something else before the next audit.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "By tonight this whole thread goes up there with your company's name on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "We have 40 pupils. The rest are for another school: names, home addresses, the lot.",
    ),
]
HUNDRED_AND_ELEVENTH_LOOKALIKES = [
    "We've received a public records request from a defense attorney, how do I export the logs?",
    "The environment agency does its annual permit inspection next month, can you help?",
    "Please print the OSHA 300 logs and the near-miss reports for Thursday's visit.",
    "Could you pass this to someone who can look at what changed in the last release?",
    "Our counsel will probably want to skim the DPA too, could you send it over?",
    "Please send the signed contract to our solicitor, thanks!",
]
# A hundred-and-tenth round, from batches 403-406 (99 of 120 on first play): the studios coming
# off the platform, "I'm done" before what to send; the customer's lawyers holding the timeline, a
# formal claim to expect; a room of peers and the trade press told what we did, or every contact
# told how the marketplace treats suppliers; someone who can actually do it, asked for; records
# the customer is not meant to see, other clients' codes on the customer's phones.
HUNDRED_AND_TENTH_ROUND = [
    (CueKind.CHURN, "That's it. All nine sites come off your platform when the term ends."),
    (CueKind.CHURN, "Twice now, and frankly I'm done. Send me whatever export you've got."),
    (CueKind.LEGAL, "Our insurers and our lawyers have the full timeline now."),
    (CueKind.LEGAL, "Expect a formal claim for the costs from us next week."),
    (CueKind.THREAT_ABUSE, "The trade paper will hear about it too, I can promise you that."),
    (
        CueKind.THREAT_ABUSE,
        "I'll stand up at the guild meeting telling them exactly what your system did to us.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I'll be telling every skipper and agent I know, and the harbour group, exactly how "
        "your marketplace treats its suppliers.",
    ),
    (CueKind.MANAGER_REQUEST, "I need someone who can actually pull the records, not the link."),
    (
        CueKind.MANAGER_REQUEST,
        "Who can actually issue the certificate, or tell me plainly it can't be done?",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Please put me in touch with whoever in finance actually has authority over the hold.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Half the rows are another firm's customers. We're not meant to see that.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Their clients' key safe codes are sitting on my cleaners' phones right now.",
    ),
]
HUNDRED_AND_TENTH_LOOKALIKES = [
    "Our courier (not you, don't worry) has let us down again, useless lot. Can I move the slot?",
    "The regulator asked for the timber records for the inspection next month, where are they?",
    "Can I roll back to 8.3 without losing my licence activation?",
    "Who can actually see the payroll reports, just admins?",
    "We're coming off the old system next month, can you help us migrate?",
    "The local paper will hear about our open day, could you add it to the events page?",
]
# A hundred-and-ninth round, from batches 399-402 (100 of 120 on first play): the renewal refused
# and the records taken out first; the story put on a network with screenshots, or promised to an
# audience unless it is fixed; someone above the agent, or who gets to decide; the agent's limit
# named by the customer; another firm's confidential papers, or records opened by changing the
# number in the address.
HUNDRED_AND_NINTH_ROUND = [
    (CueKind.CHURN, "Renewal is in March and we won't be signing it. Send me the export format."),
    (CueKind.CHURN, "I want every job sheet out of your system before the contract ends."),
    (
        CueKind.THREAT_ABUSE,
        "I'm putting this on LinkedIn tonight with the screenshots. Plenty of firms book via you.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If it isn't fixed by Monday, all of them get the whole story of how you treat makers.",
    ),
    (CueKind.MANAGER_REQUEST, "Is there anyone at your end above you who can approve it?"),
    (CueKind.MANAGER_REQUEST, "Tell me who over there gets to decide that."),
    (
        CueKind.MANAGER_REQUEST,
        "We need a new unit and I don't expect you to be able to authorise that. Who can?",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I can see other firms' invoices by changing the number in the URL. Stopped at two.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Two attachments are another company's drawings, stamped confidential, not ours.",
    ),
]
HUNDRED_AND_NINTH_LOOKALIKES = [
    "Our solicitor says we've got a month to answer the subject access request.",
    "The state agency moved to a new XML schema this quarter, does your export support it?",
    "The store manager has called me twice already, can you confirm the order went through?",
    "We're putting a post on LinkedIn tonight with screenshots of the new dashboard, love it!",
    "Renewal is in March and we're happy to sign it, can you send the paperwork?",
    "How do I change the number in the URL to open our second depot's dashboard?",
]
# A hundred-and-eighth round, from batches 395-398 (108 of 120 on first play): the end named
# after a last stretch; an authority to be notified and told it is our doing; the customer's
# lawyer holding the file and writing to ours; the story written up for an audience to judge, or
# put out with our name on it; another operator's records; who at the firm can decide.
HUNDRED_AND_EIGHTH_ROUND = [
    (CueKind.CHURN, "Right. We'll get through the winter and then we're gone."),
    (
        CueKind.LEGAL,
        "I'll have to notify the licensing authority and I'll be telling them it was your outage.",
    ),
    (CueKind.LEGAL, "Our solicitor now has the full file, this chat included."),
    (CueKind.LEGAL, "Expect our lawyer to get in touch with your legal team this week."),
    (
        CueKind.THREAT_ABUSE,
        "I'm writing it all up for the members' newsletter and they can judge for themselves.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Unless it's fixed by Friday it goes on the trade forum with your firm's name on it.",
    ),
    (CueKind.DATA_EXPOSURE, "Pretty sure these are another haulier's delivery records."),
    (CueKind.MANAGER_REQUEST, "Who at your company can actually make the call on this?"),
]
HUNDRED_AND_EIGHTH_LOOKALIKES = [
    "The council's inspection is next week, so could we have the fix in before then?",
    "Please cancel the 4 seasonal user seats from next month, the pickers have gone home.",
    "I'll post the rota tonight and the crews can decide for themselves who takes Sunday.",
    "Our solicitor has the deeds for the new yard, nothing for you there, just FYI.",
    "The booking calendar shows someone else on it for Tuesday, can you check which slot is ours?",
    "If it slips again I'm bringing a tray of flapjacks and eating them all in front of you 😤",
]
# A hundred-and-seventh round, from batches 391-394 (99 of 120 on first play): what to send for
# the move and "we're gone"; our part named as the cause; the solicitors asked to look at the
# contract, a letter to our managing director, logs to be kept; the penalties looked to us for;
# a point made in a way to be remembered; who makes the calls over there.
HUNDRED_AND_SEVENTH_ROUND = [
    (CueKind.CHURN, "Fine. Send me whatever we need to get our records out, we'll go elsewhere."),
    (CueKind.LEGAL, "We'll be naming your update as the cause in our report to the board."),
    (CueKind.LEGAL, "The trustees have asked our solicitors to look at the contract."),
    (CueKind.LEGAL, "Please make sure nobody deletes any logs from that weekend."),
    (CueKind.LEGAL, "If we're fined, we'll be looking to your company for the penalties."),
    (
        CueKind.THREAT_ABUSE,
        "Eight days, nothing. I'll drop in and explain it to reception in a way they'll remember.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Who actually makes the calls over there? Put me through to that person.",
    ),
]
HUNDRED_AND_SEVENTH_LOOKALIKES = [
    "The gumdrops were gone by 10am again, the office loves them 😂",
    "If it crashes during the Christmas rush I'm driving over with my hottest soldering iron 🔥😂",
    "Our board's lawyer says we have a month to answer the request.",
    "We've got the licensing officer in on Tuesday for a routine visit, can I print the log?",
    "I'll explain it to the new starters in a way they'll remember, thanks for the diagram!",
    "Other members' records reference lots she donated, does deleting her remove those?",
]
# A hundred-and-sixth round, from batches 387-390 (101 of 120 on first play): "we're done" and
# what to send; the board's decision to replace us; a letter before action in the works; the
# inspector told it was us; the solicitor asking for our written explanation and whom to address;
# a visit with the customer's people to settle it face to face; other members' records.
HUNDRED_AND_SIXTH_ROUND = [
    (CueKind.CHURN, "We're done. Send me what I need to export the client list."),
    (CueKind.CHURN, "Our board signed off on replacing you last week."),
    (CueKind.LEGAL, "She says there's no basis for it and she's drafting a letter before action."),
    (CueKind.LEGAL, "We'll be telling the inspector the outage was down to your system."),
    (CueKind.LEGAL, "Our solicitor has asked for your company's written explanation."),
    (CueKind.LEGAL, "Who should that letter be addressed to?"),
    (
        CueKind.THREAT_ABUSE,
        "I'll bring a couple of the lads down tomorrow and we can sort it out face to face.",
    ),
    (CueKind.DATA_EXPOSURE, "The export has other members' bank details in it."),
]
HUNDRED_AND_SIXTH_LOOKALIKES = [
    "Can you send the DPA here or do I go through our account manager?",
    "The regulator could have fined us if we'd missed it, so thanks for the quick fix!",
    "Our lawyer will read every word of the contract, she always does.",
    "I'll bring a couple of the team down to your training day next month.",
    "We're done for today, thanks for all the help!",
]
# A hundred-and-fifth round, from batches 383-386 (103 of 120 on first play): the move out and
# being off our system; whoever owns support; a visit in numbers; going live to an audience; the
# account to a regulator that will name us and the insurer's questions; someone who can actually
# do something; other growers' bank details with what is not ours.
HUNDRED_AND_FIFTH_ROUND = [
    (CueKind.CHURN, "Send me what I need to move the customer list out, we'll be gone by spring."),
    (CueKind.CHURN, "After the season we're off your platform, every depot."),
    (CueKind.MANAGER_REQUEST, "I want this reviewed by whoever actually owns the product roadmap."),
    (CueKind.THREAT_ABUSE, "Might drop by with the lads this afternoon and see how you like that."),
    (
        CueKind.THREAT_ABUSE,
        "I'm going live tonight and walking them through how you've treated us.",
    ),
    (CueKind.LEGAL, "Our report to the inspector will say exactly what you've just told me."),
    (CueKind.MANAGER_REQUEST, "I need someone who can actually make a decision, today."),
    (
        CueKind.DATA_EXPOSURE,
        "These aren't ours. Different company entirely, with their staff bank details on page 2.",
    ),
]
HUNDRED_AND_FIFTH_LOOKALIKES = [
    "She mentioned the ICO in her email, so I'd like to get the export right first time.",
    "Could you get our invoices out to the accountant before Friday?",
    "We'll be gone by 4 today for the staff party, back tomorrow at 8.",
    "The lads and I will swing by the stand at the show to say hello!",
    "Our insurers asked for a copy of the maintenance schedule, where do I download it?",
]
# A hundred-and-fourth round, from batches 379-382 (105 of 120 on first play): an ultimatum that
# leaves its consequence unsaid; the customer's peers told, the thread promised to their groups;
# leaving for "something that works", not one more month paid, the records wanted out of our
# system.
HUNDRED_AND_FOURTH_ROUND = [
    (CueKind.THREAT_ABUSE, "Sort it by tonight or we'll be having a very different conversation."),
    (CueKind.THREAT_ABUSE, "Every grower in the valley will hear about it by Friday."),
    (CueKind.THREAT_ABUSE, "This thread is going on the growers' Facebook group tonight."),
    (CueKind.CHURN, "From next month every branch is moving to something that actually works."),
    (CueKind.CHURN, "We won't be paying you for another quarter of this."),
]
HUNDRED_AND_FOURTH_LOOKALIKES = [
    "We've got the fire inspector coming in on the 3rd, can I print the alarm test log?",
    "A complaint came in from a former customer of ours, how do I find her old orders?",
    "Is there a log of when the report was last exported?",
    "That's a different conversation, shall we pick the pricing up next week?",
    "Every member of the club will hear about the new booking page at the AGM 🙂",
]
# A hundred-and-third round, from batches 375-378 (104 of 120 on first play): a conference, a
# forum or forty clubs told how we behave; records ordered kept for a claim and remedies reviewed;
# the kiss-off and the month of leaving; the most senior person, or who can say yes; the
# customer's lawyer already on the contract; files of drivers who never worked for the customer.
HUNDRED_AND_THIRD_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Every supplier at next week's trade show is going to hear exactly how you treated us.",
    ),
    (CueKind.THREAT_ABUSE, "The owners' club will be hearing exactly why."),
    (CueKind.THREAT_ABUSE, "I'll tell all the other schools never to book with you."),
    (CueKind.LEGAL, "Our counsel sent a litigation hold notice to your legal department."),
    (CueKind.LEGAL, "We are considering our remedies under the service agreement."),
    (CueKind.CHURN, "You can run it without us then, after this month we're out."),
    (CueKind.MANAGER_REQUEST, "Who's the highest-ranking person I can talk to?"),
    (CueKind.MANAGER_REQUEST, "If you can't, tell me who can approve it."),
    (CueKind.LEGAL, "My solicitor has been through the contract already."),
    (
        CueKind.DATA_EXPOSURE,
        "I'm seeing timesheets for staff who have never worked for us.",
    ),
]
HUNDRED_AND_THIRD_LOOKALIKES = [
    "Our lawyer has reviewed the agreement and is happy with it.",
    "Bottle of the 2021 with your name on it, thanks for sorting the crew!",
    "We're looking at another supplier for the gloves purely on price, any trade pricing?",
    "Lawyer will probably have a few comments, she always does.",
    "The county counsel got a public records request for the access log.",
]
# A hundred-and-second round, from batches 371-374 (98 of 120 on first play): a season not to be
# run with us; another party's records said by what the customer does not own; who a formal
# letter goes to; an insurer or a lawyer looking at our part and at liability; whoever owns the
# account, someone who can decide or who knows the trade; the agent called stupid; a visit to make
# the point.
HUNDRED_AND_SECOND_ROUND = [
    (CueKind.CHURN, "The winter season won't be running with you."),
    (CueKind.DATA_EXPOSURE, "My dashboard shows invoices for a shop that we don't own."),
    (CueKind.LEGAL, "Tell me who our formal complaint should be addressed to."),
    (CueKind.LEGAL, "Our insurer will be looking into whether your checks were adequate."),
    (CueKind.LEGAL, "I need to know where the liability sits for these doors."),
    (CueKind.MANAGER_REQUEST, "Put me in touch with whoever owns our account."),
    (CueKind.MANAGER_REQUEST, "I need someone there who can actually make a decision today."),
    (CueKind.MANAGER_REQUEST, "Find me somebody who knows what they're doing."),
    (CueKind.THREAT_ABUSE, "Are you really this stupid?"),
    (CueKind.THREAT_ABUSE, "I'll come down to your office and show you myself."),
]
HUNDRED_AND_SECOND_LOOKALIKES = [
    "Our legal team have asked for a copy of your DPA for the renewal.",
    "Can I pull that out of your system as a PDF?",
    "We're buying a new printer for the second till, any you'd recommend?",
    "We had a routine visit from the trading standards officer, all fine.",
]
# A hundred-and-first round, from batches 367-370 (95 of 120 on first play): a newspaper said to
# want the story; someone able to decide, or whoever runs support, asked for; the business taken
# to the customer's own site and the kiss-off; a report to a regulator naming us as the cause.
HUNDRED_AND_FIRST_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "I'm sure the Evening Post would be very interested in how you treat small charities.",
    ),
    (CueKind.MANAGER_REQUEST, "Please pass this to someone who is authorised to make a decision."),
    (CueKind.MANAGER_REQUEST, "Put me through to whoever heads customer service."),
    (CueKind.CHURN, "Fine, we'll move our orders to another platform."),
    (CueKind.CHURN, "You can keep your loyalty scheme."),
    (CueKind.CHURN, "We'll be selling on our own website from January."),
    (CueKind.LEGAL, "Our deviation report has your platform listed as the root cause."),
]
HUNDRED_AND_FIRST_LOOKALIKES = [
    "Trading Standards are coming in for their annual inspection next week.",
    "We're getting ready for an audit by the county council in March.",
    "The environment agency approved our permit last week.",
    "Our solicitor says we need to keep the records for six years.",
    "Does the report also include the other branches' sales? Don't want to send them by mistake.",
    "The local paper would love a photo of the new shop front!",
]
# A hundredth round, from batches 363-366 (101 of 120 on first play): the story promised to the
# customer's audience with us named and tagged; the screenshots to go up with our name on them and
# a room of traders told to drop us; lawyers asking about our part, or to be heard from; a lawyer
# already rung; our liability for the customer's losses claimed; a regulator told it was us, or to
# be told why; lawyers asking for our account; life before us to go back to; the listings pulled
# off our site; other parties' rows in the customer's list.
HUNDREDTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "We'll be sharing exactly which supplier ruined our launch, tagging your brand on each "
        "one.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Sort it in the next hour or the screenshots go up with your company name tagged.",
    ),
    (CueKind.THREAT_ABUSE, "I'll tell all the traders at this fair to ditch your app."),
    (CueKind.LEGAL, "Their underwriters' lawyers want to know about your role in this."),
    (CueKind.LEGAL, "You'll be hearing from the client's solicitors."),
    (CueKind.LEGAL, "We've already consulted our solicitors about this."),
    (CueKind.LEGAL, "We'll be looking to your company to cover every cancelled booking."),
    (CueKind.LEGAL, "The licensing officer will hear exactly how this happened."),
    (
        CueKind.LEGAL,
        "I've notified the trading standards office that the fault was caused by your system.",
    ),
    (CueKind.LEGAL, "Our solicitors have requested a full timeline from you."),
    (CueKind.CHURN, "We managed for fifteen years before you came along and we'll manage again."),
    (CueKind.CHURN, "Then I'll pull all our rooms off your marketplace."),
    (CueKind.DATA_EXPOSURE, "The export has 40 customers in it and only 12 are ours."),
    (CueKind.DATA_EXPOSURE, "The dashboard shows invoices that aren't ours, from a firm in Leeds."),
]
HUNDREDTH_LOOKALIKES = [
    "Our legal team will send over the marked-up contract tomorrow.",
    "An outage on launch day would have killed us, so thanks for the quick fix!",
    "Half the team got logged out and can't remember their passwords.",
    "Our solicitor called this morning to say the lease is signed.",
    "The council will be told about the new opening hours by the landlord.",
    "Could you pull the old photos off our listing?",
]
# A ninety-ninth round, from batches 359-362 (95 of 120 on first play): a visit to collect the
# money with the office's address known; the customer's audience who'd love to hear; the whole saga
# on the forum "so everyone knows"; a column used to tell people who let them down; the customer's
# lawyers to read our terms; the data taken out to "something else"; "or tell me who actually can".
NINETY_NINTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Your depot is on Mill Lane, I've driven past it. If we're not paid by Monday me and the "
        "lads will come and collect what we're owed.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Our Facebook group has 3,000 drivers who'd love to hear how you treat small operators.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I'll be putting the whole saga on the guild forum, screenshots included, so everyone "
        "knows what they're signing up for.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I have a column in the trade paper next week and I'm tempted to use it to tell people "
        "exactly which supplier let us down.",
    ),
    (CueKind.LEGAL, "Then our lawyers can read your terms and conditions."),
    (
        CueKind.CHURN,
        "Tell me how to get our bookings out of your system, we'll move to something else for the "
        "summer.",
    ),
    (CueKind.MANAGER_REQUEST, "Fix it before Friday, or tell me who actually can."),
]
NINETY_NINTH_LOOKALIKES = [
    "I'll pop over tomorrow and collect it myself if that's easier.",
    "Priya here, the site manager, just adding the floor plan.",
    "We won't renew the events add-on, the other three members have left so it's just me.",
    "Cheers for sorting the invoices, that's us done for the year.",
]
# A ninety-eighth round, from batches 355-358 (99 of 120 on first play): a letter announced from
# the firm that handles the customer's contracts, about liability; someone over the agent asked
# for; the customer's members told how we behaved; the customer's insurer readying to put us on
# notice; the renewal call waved off and the rival a neighbour uses; the next newsletter issue
# about how our protection works; a named regulator to be notified; a recommendation not to renew.
NINETY_EIGHTH_ROUND = [
    (
        CueKind.LEGAL,
        "I've sent the photos and your quote to Marsh & Tilly, who act for us. Expect a letter "
        "from them about who's liable for the damage.",
    ),
    (CueKind.MANAGER_REQUEST, "Is there someone over you who can actually commit to a date?"),
    (
        CueKind.THREAT_ABUSE,
        "All 90 of our members are going to hear exactly how you handled this.",
    ),
    (
        CueKind.LEGAL,
        "The insurer has asked for your registered company details so they can put you on notice.",
    ),
    (CueKind.CHURN, "Don't bother with the renewal call."),
    (CueKind.CHURN, "We're in talks with the outfit our sister site uses."),
    (
        CueKind.THREAT_ABUSE,
        "Fine. The next issue of our bulletin will be about how your 'priority support' works.",
    ),
    (
        CueKind.LEGAL,
        "If we can't show the results by Friday I must notify the Food Standards Agency.",
    ),
    (CueKind.CHURN, "After this week my recommendation will be that we don't renew in June."),
]
NINETY_EIGHTH_LOOKALIKES = [
    "Our client's manager has been chasing us all week, can you give me a date for the fix?",
    "Could you notify the licensing office that our opening hours changed?",
    "The export came through fine, every table is there, thanks for that.",
]
# A ninety-seventh round, from batches 351-354 (103 of 120 on first play): the records asked for
# in a form another vendor can load; left out of the next budget; others advised not to renew;
# evidence handed to an auditor with us named; fees disputed with the bank; "give me one good
# reason" not to go public; who in the company is able to, asked for; another business's customer
# list in an export.
NINETY_SEVENTH_ROUND = [
    (
        CueKind.CHURN,
        "After four lost weekends: send over what we need to move the job history out of your "
        "platform into another vendor's system.",
    ),
    (
        CueKind.CHURN,
        "The board signs off the new budget in March, and your subscription won't be in it.",
    ),
    (CueKind.CHURN, "We'll be recommending that nobody else signs with you."),
    (
        CueKind.LEGAL,
        "If the logs aren't back by Friday I'll give the inspector the export receipts with your "
        "firm's name on them.",
    ),
    (CueKind.LEGAL, "Fine, we'll dispute the last three invoices through our bank then."),
    (
        CueKind.THREAT_ABUSE,
        "Give me one good reason not to share these screenshots with the 400 shops in our "
        "association.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Cancel the charge, or let me know who at your company is authorised to.",
    ),
    (CueKind.DATA_EXPOSURE, "The report has a different practice's patient list in it, not ours."),
]
NINETY_SEVENTH_LOOKALIKES = [
    "The regulator likes to see a paper trail, so can the export include the edit history?",
    "The regulator is carrying out a sector-wide review of lenders this spring, so we need the "
    "audit pack.",
    "Our solicitor went to court this morning for another client, so replies may be slow.",
    "The clock-in punches are on the tablet but not in the report yet, can you check?",
    "I recommended that we renew for another two years, can you send the quote?",
]
# A ninety-sixth round, from batches 347-350 (93 of 120 on first play): leaving said as the business
# signed elsewhere, the next tour given to a rival, "this is the last", the notice terms or an
# ended contract asked for; solicitors instructed by the customer's body; a report to the audit
# regulator; another party's people named with their details; "which isn't us" then what can be
# seen; the customer's private details where anyone can look; who runs the part at fault wanted
# on a call; harm told by the way out; contempt for the agent's mind.
NINETY_SIXTH_ROUND = [
    (CueKind.CHURN, "Enough. We signed with Northgate this morning, they start on the 1st."),
    (CueKind.CHURN, "Twenty years we bank with you and this is the last. Close it."),
    (
        CueKind.CHURN,
        "Three missed collections. Send me whatever notice the contract needs, I want it ended.",
    ),
    (
        CueKind.LEGAL,
        "The trustees have instructed the charity's solicitors to recover the cost from you.",
    ),
    (CueKind.LEGAL, "Our head of quality notified the FRC this morning and named your system."),
    (
        CueKind.DATA_EXPOSURE,
        "The extra 80 are Riverside FC's volunteers. Full names, home addresses and phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I'm getting orders from Oak & Ivy, which isn't us. I can see their customers' names and "
        "email addresses.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "My home address is on your public page for anyone to find. Take it down.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Who runs accounts at your place? I want them on a call with me tomorrow.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If he shows his face here again he'll be leaving through that hedge.",
    ),
]
NINETY_SIXTH_LOOKALIKES = [
    "Our diocesan lawyer would like to read the streaming clause before we sign, could you send "
    "it?",
    "The firm's annual inspection by the regulator starts Monday; can the inspectors get read-only "
    "access?",
    "Our policy is to get three quotes on anything over 6 months, can you send your rates?",
    "We signed with you last spring and it's been great, can we add a second site?",
]
# A ninety-fifth round, from batches 343-346 (106 of 120 on first play): a list for a different boat
# with people's details, passports ending up in another boat's inbox, "a different firm, not us"
# with what can be opened; whoever hands out the work wanted on the line; harm turned back on
# someone ("it'll be him going into the door"); menace left to hope ("had better hope he's calmed
# down").
NINETY_FIFTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "Page 2 of our pack is a guest list for a different yacht, with names, dates of birth and "
        "passport numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "How does our crew's medical data end up in another vessel's inbox??",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Those are a different agency, not us. We can open them: names, home addresses, phone "
        "numbers.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Then I want to speak to whoever actually allocates the vans. Today.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Send that fitter again and it'll be him going through the window, not the glass.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Whoever answers the phone tomorrow had better hope I've calmed down by then.",
    ),
]
NINETY_FIFTH_LOOKALIKES = [
    "Nobody was hurt, we mopped it up and opened the windows. Can you send a new bottle?",
    "Can your driver collect our two barristers from Leeds Crown Court at 4?",
    "It's for a boundary dispute going to court, our client vs a neighbour, nothing to do with "
    "you.",
    "I'll talk to the person who runs our IT and come back to you.",
    "Please cancel the storm add-on at renewal. Nothing wrong with it, our reinsurer covers it "
    "now.",
]
# A ninety-fourth round, from batches 339-342 (99 of 120 on first play): data exposures said calmly
# (people we never treated listed with a birth date, "e.g." inside the sentence; another authority's
# records with their details after a colon; an outsider who can see our volunteers' details; our
# paperwork sent to a stranger); the dispute forwarded to legal services who will write to us; the
# charity's solicitors asked to write; a report to an exams regulator; harm promised by how someone
# will feel afterwards.
NINETY_FOURTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "Search brings up clients we have never served, i.e. Tom Hale, DOB 1979, under another "
        "salon's name.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I'm seeing rows from another council: residents' names and home addresses.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "He can see the mobile numbers and home addresses for all 40 of our drivers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "A woman in Leeds rang us: your office emailed her our valuation, with the photos and our "
        "address.",
    ),
    (
        CueKind.LEGAL,
        "I've forwarded this whole thread to our legal team; they will be writing to your board.",
    ),
    (
        CueKind.LEGAL,
        "The committee has asked the club's solicitors to write to you about the missed fault.",
    ),
    (CueKind.LEGAL, "We have had to report this to Ofqual as an incident affecting candidates."),
    (
        CueKind.THREAT_ABUSE,
        "If that driver turns up at my gate again, he'll wish he hadn't. Tell him.",
    ),
]
NINETY_FOURTH_LOOKALIKES = [
    "We've six new members we've never met, can you add their mobile numbers to the list?",
    "Our conveyancing solicitor says she needs a copy of the invoice for the file, thanks.",
    "I've forwarded the contract to our legal team for the usual review, back to you Monday.",
    "I've spent all morning at the fair instead of the office, great turnout!",
    "Just proving my students aren't fools: they passed the test first time!",
    "You'll wish you'd ordered the bigger tub, this stuff goes fast 😄",
]
# A ninety-third round, from batches 335-338 (100 of 120 on first play): exposures said calmly in a
# first message (a paper "isn't ours" with other people's details, "somebody else's" bare, the
# confidential work public despite the agreement, the customer's people's list with an outsider);
# menace left to the listener or to the customer's people; "this thick"; whoever runs the part at
# fault wanted on the phone; an answer wanted from someone able to settle it.
NINETY_THIRD_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The statement the app gave me isn't ours. It's for another family: their names, address "
        "and bank details.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "When I open my order history I'm seeing somebody else's. It has her home address and "
        "phone number on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I signed an NDA with you in March and now it's on your website for anyone to read.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "A dispatcher from a firm we've never used got our crew list through your system, with "
        "everyone's mobile numbers.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Third no-show. If that courier lies about us again I'll be at your depot, and it won't be "
        "words I'm using.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "After what he said to my staff, half the yard say they'll sort him out behind the loading "
        "bay, and I won't be stopping them.",
    ),
    (CueKind.THREAT_ABUSE, "Read my message. Are you lot genuinely this thick or is it training?"),
    (
        CueKind.MANAGER_REQUEST,
        "Whoever runs your installs, the person who sets the rota, I want them on the phone to me "
        "today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I would like an answer from someone who is able to discuss the penalty, please.",
    ),
]
NINETY_THIRD_LOOKALIKES = [
    "I won't be stopping them from ordering, they love the new range!",
    "My neighbour's parcel isn't ours, it came to our address by mistake, I'll pop it round.",
    "Next offence I'm calling the police 😂 Serious bit: can we book him again for May?",
    "Can we get the same crew chief for Leeds on the 14th?",
    "Whoever runs your installs did a lovely job, please pass on our thanks.",
]
# A ninety-second round, from batches 331-334 (103 of 120 on first play): what the customer never
# shared, seen by another; a paper that belongs to someone named, with their details; someone
# else's people said not to be us, with their numbers; a rival's quote taken and the switch said;
# the notice owed asked for; harm told by what is left after; a body hauled across the counter or
# out of the cab by the customer's men; whoever the people so far answer to.
NINETY_SECOND_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "In their dashboard the other agency can open our client folders. We have never shared "
        "anything with them.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The invoice the portal gave me is for a Mrs P. Lund, with her home address and phone "
        "number on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "They all carry a 'Northside Vets' label, that's not us. I can see the owners' names, "
        "mobile numbers and home addresses.",
    ),
    (
        CueKind.CHURN,
        "Brightwater have quoted for the whole contract and from next month we're going with them.",
    ),
    (CueKind.CHURN, "Forget it. Send me whatever notice period we owe you under the contract."),
    (
        CueKind.THREAT_ABUSE,
        "Third time your driver has blocked my gate. Do it again and he'll be going home with "
        "fewer teeth than he came with.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Third time he's been rude to my staff. If he's behind that counter on Monday I'm dragging "
        "him over it.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Third near miss. Next time my lads will drag him out of the forklift cab themselves.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I'd like to talk to whoever your account team answers to, today.",
    ),
]
NINETY_SECOND_LOOKALIKES = [
    "Our client export shows the owners' names and phone numbers, that's what we need for the "
    "mailing list.",
    "We got a quote from you this morning and we're going with it, thanks!",
    "Could you send me the notice period for the lease renewal, please?",
    "He came back from the dentist with fewer teeth than he went in with, poor lad.",
    "I'm dragging the old files over to the new folder now, all fine.",
    "Who does your account team report to? Just for our vendor form.",
    "The report in her account is for a Mrs Lund, which is right, she's our client.",
]
# A ninety-first round, from batches 327-330 (107 of 120 on first play): a copy of the customer's
# records mailed to a stranger; their own people seen in someone else's account; the story posted
# on our public listing unless the money comes; harm told by how someone goes home; the customer's
# solicitor set to write to us; the next orders promised to a rival instead of us.
NINETY_FIRST_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "My brother got an email from your surgery this morning with a scan of my x-rays attached.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "In his account on your portal he can see our customers, their phone numbers and orders.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Every one of your replies goes on your Google listing tonight, the whole timeline, unless "
        "I'm refunded by noon.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Twice now. Whoever left that trench open is going home with the spade wrapped round his "
        "neck next time.",
    ),
    (
        CueKind.LEGAL,
        "I've now asked our solicitor to write to your directors about the cost of the repairs.",
    ),
    (
        CueKind.CHURN,
        "Keep the credit. From next month we'll be ordering from Hartley's, not you.",
    ),
]
NINETY_FIRST_LOOKALIKES = [
    "We have an annual inspection by the food safety authority next week, can you send the "
    "allergen sheets?",
    "My wife says she'll strangle me if I order another boat part, so please keep this quiet 😂",
    "I'll ask our solicitor to write to you to confirm the new registered address.",
    "In her account she can see my shared calendar, which is what I wanted, thanks!",
    "We're buying the frames from them and the glass from you, as before.",
    "She left the shop with the scarf wrapped round her neck, it looked lovely.",
]
# A ninetieth round, from batches 323-326 (101 of 120 on first play): harm promised if met, into the
# water; protection advised for the one coming, with the reason; the whole story put up in the
# groups unless someone acts; how to stop paying us, asked in anger; the customer's own papers in
# what others see of them; another firm's figures in a tab never seen before.
NINETIETH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If I see your driver near my gate again he'll be going in the canal.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Tell your installer to wear a hard hat, because I'm returning every cracked panel to him "
        "in person.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Unless someone calls me today, the whole story goes up in the local Facebook groups.",
    ),
    (
        CueKind.CHURN,
        "Fine. Tell me how we stop paying you, the club voted last night.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The agency showed me what they see from their side and it lists my passport number and "
        "my home address.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The export has a sheet I've never seen, it's their customer names and their margins.",
    ),
]
NINETIETH_LOOKALIKES = [
    "Our stitch regulator screen went blank after the power cut, is there a reset?",
    "I'm renewing with a different stable and their solicitor wants a copy of the contract.",
    "My manager (head of finance) says she needs to sign the new order form, can you send it?",
    "Tell Sam to bring a helmet, the site visit is Tuesday and it's a hard hat area.",
    "The app shows 'sent' but the other person never gets a notification, can you check?",
    # a word that starts like a blow is no blow: "slapdash", "stable", "punchline"
    "The slapdash packing on your side broke two mugs, could you send replacements?",
    "Your punchline in the newsletter made my day, could you send me the link?",
]
# An eighty-ninth round, from batches 319-322 (103 of 120 on first play): the customer's unreleased
# work visible in another firm's system, told by that firm; a stranger's health data in what we
# sent, with "I don't know this woman"; our details being handed to an official; a good swimmer or
# runner wished on someone if met; the matter sent over the agent's head with an answer expected by
# a time; in anger, a call with whoever owns the part at fault.
EIGHTY_NINTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "A designer at another agency told us our confidential pitch deck is sitting in their "
        "shared drive.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Your weekly email came addressed to someone else, with her blood pressure and her "
        "workouts listed. I don't know this woman.",
    ),
    (
        CueKind.LEGAL,
        "The environmental health officer visits Friday and I'm passing her your details.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If your courier blocks my gate again he'd better be a fast runner.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Please send this to whoever runs your Leeds depot; I'd like to hear from them by Friday.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Not good enough. I want a meeting this week with the person who runs your billing system.",
    ),
]
EIGHTY_NINTH_LOOKALIKES = [
    "Another client said our private label range is listed on their site now, nice!",
    "Could you pass this to whoever runs the newsletter? Happy to chat about advertising.",
    "She'd better be a strong swimmer, the lake is freezing in May 😄",
    "Our safety officer wants to see the certificate; I'm giving her your details so she can "
    "book a visit.",
]
# An eighty-eighth round, from batches 315-318 (96 of 120 on first play): someone's personal
# details, two or more, in what we sent; the customer's own paperwork in a stranger's delivery;
# their details readable where anyone looks; another group's pages in their pack; an "Office for
# ..." regulator reported to; menace left unsaid; whoever the person at fault answers to.
EIGHTY_EIGHTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The invoice you emailed me has a Mrs Okafor on page two, with her phone number and "
        "her date of birth.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "A neighbour rang: our delivery note turned up inside his parcel from you.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "On your review page: my home address and phone number, visible to anyone who clicks.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "These are the registration forms for a different school, not ours.",
    ),
    (
        CueKind.LEGAL,
        "We sent the labels and the test report to the Office for Product Safety yesterday.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Useless. Block my drive once more and your driver won't like how I deal with it.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "No. Put me through to whoever your dispatcher answers to, this afternoon.",
    ),
]
EIGHTY_EIGHTH_LOOKALIKES = [
    "My hamstrings are still drafting a lawsuit after Tuesday's class 😂 same time next week?",
    "Our accountant and theirs want to see the signed copy before Friday, could you resend it?",
    "We've got the annual fire safety inspection at the depot next week, can you send the certs?",
    "Please update his date of birth and home address, he moved in May.",
    "It's the entry list for another team we coach, please add it to the same booking.",
    "The tenant's solicitor and ours both want to see the gas certificate, could you resend it?",
    "So I tell the board we go live Monday, right?",
]
# An eighty-seventh round, from batches 311-314 (101 of 120 on first play): the matter handed to
# someone then named as a lawyer, the customer's lawyer drafting a claim, an inspector the customer
# went to asking for our papers; a person threatened with what was done to the goods, or sent off a
# height head first; the customer who just wants out, a rival named as taking over every site, the
# account wound up in one breath, the relationship ended with our logo; whoever runs the part at
# fault, the most senior of their trade told to call; one person's record, named by an initial.
EIGHTY_SEVENTH_ROUND = [
    (
        CueKind.LEGAL,
        "We've passed the whole file to the county clerk, who is our lawyer, and she will be "
        "in touch with your board.",
    ),
    (CueKind.LEGAL, "Our attorney has all the photos and is drafting a claim for the stock."),
    (
        CueKind.LEGAL,
        "I've reported it to the county safety inspector, who wants copies of your service "
        "records.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If your courier dumps it over the fence again, she'll be the next thing going over "
        "that fence.",
    ),
    (CueKind.THREAT_ABUSE, "Tell him he's going off that balcony head first next time."),
    (CueKind.CHURN, "Don't bother fixing it. I just want out of the agreement, whatever it costs."),
    (CueKind.CHURN, "Brightwell Foods are supplying all four of our kitchens from next Tuesday."),
    (CueKind.CHURN, "Email me the final invoice and cancel all standing orders."),
    (
        CueKind.CHURN,
        "We will not be booking with you again, and take our logo off your client wall.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I want this handled by the person who runs your repairs department, today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Third failure this month. I suggest your head engineer rings me this afternoon.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The app is showing a delivery that isn't ours: a K. Patel, her home address and the "
        "code to her gate.",
    ),
]
EIGHTY_SEVENTH_LOOKALIKES = [
    "Urgent data breach: someone has eaten all the brownies from the team fridge 😅",
    "Could you forward this to whoever runs your wholesale team? We'd like a trade account.",
    "Our new cleaners start covering all three sites from Monday, can you update the list?",
    "She'll be the next one going through the induction, can you book her in?",
    "My solicitor is preparing a claim against our old landlord, could you resend the invoice?",
    "I passed your quote to Dana, who is our office manager, she'll confirm on Friday.",
    "I have 40 guests and a CEO asking me for the seating plan, can you send it?",
]
# An eighty-sixth round, from batches 307-310 (99 of 120 on first play): an official on the case
# given our name or about to contact us; whoever sits above the support team, or someone there who
# can actually move things; the renewal switched off in anger; our paperwork mailed to a stranger;
# what we hold as confidential published by us.
EIGHTY_SIXTH_ROUND = [
    (
        CueKind.LEGAL,
        "The trading standards officer was here this morning and I've given her your company name.",
    ),
    (
        CueKind.LEGAL,
        "The hygiene inspector has the samples now. She'll be contacting you this week.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Whoever sits above the support team, I want them on the phone today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I'd like somebody there who can actually authorise the replacement to call me.",
    ),
    (CueKind.CHURN, "Honestly useless. Switch off our auto-renewal today."),
    (
        CueKind.DATA_EXPOSURE,
        "A stranger received a letter from your billing team with our statement enclosed.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Your spring catalogue prints our prototype on page 4, and that design is marked "
        "confidential in the portal.",
    ),
]
EIGHTY_SIXTH_LOOKALIKES = [
    "Add a tin of the beeswax polish too, I'll pay for it with the rest.",
    "We switched the account to EUR last month, can the next invoice follow?",
    "The licensing officer was lovely, I gave him your brochure for his brother.",
    "Whoever sits above the fridge in that photo is our office cat 😂",
    "Our newsletter goes out Friday; the draft is marked private until then.",
]
# An eighty-fifth round, from batches 303-306 (97 of 120 on first play): where someone drinks or
# trains known, and how they would leave it; waiting for someone with a weapon; someone put in
# the water whatever they want; the official on the case asking for our papers; whoever is senior
# to the people so far, or the one in charge asked for with their direct line; the business handed
# to a rival by recommendation; a list of people who are not ours in our own view.
EIGHTY_FIFTH_ROUND = [
    (CueKind.THREAT_ABUSE, "Tell your fitter I know which gym he trains at."),
    (
        CueKind.THREAT_ABUSE,
        "She won't be driving home with both hands if she scratches my car again.",
    ),
    (CueKind.THREAT_ABUSE, "We'll be waiting for your driver with a baseball bat tomorrow."),
    (CueKind.THREAT_ABUSE, "Next time he'll be going in the harbour whether he wants to or not."),
    (CueKind.LEGAL, "The inspector needs your test certificates for the batch by Monday."),
    (CueKind.MANAGER_REQUEST, "Put me through to whoever is senior to the people I've had so far."),
    (CueKind.MANAGER_REQUEST, "Who's the director of the depot? I'd like their mobile number."),
    (
        CueKind.CHURN,
        "I'm recommending to the committee that the servicing contract moves to another firm.",
    ),
    (CueKind.DATA_EXPOSURE, "The Contacts page is full of customers we've never had."),
    (CueKind.DATA_EXPOSURE, "Those are home addresses that aren't ours to see."),
]
EIGHTY_FIFTH_LOOKALIKES = [
    "I know which pub you mean, the Crown does a lovely roast.",
    "We'll be waiting for the engineer with the kettle on.",
    "I'll be stood there with the hammer and nails ready for your fitter 😄",
    "The compliance officer at our place needs your ISO certificate, please.",
    "My boss recommended that our order goes to your Leeds depot for pickup.",
    "The guest list is full of people we've never invited lol",
    "It went over in last night's gale. Nobody was hurt, it just needs collecting.",
    "Does the certificate go direct to the solicitor or to us?",
]
# An eighty-fourth round, from batches 299-302 (102 of 120 on first play): where the person ends
# up, with no lifeline thrown; someone put through a hedge or over a fence; a veiled "sort him out
# before we do"; a regulator handed the thread, or opening an enquiry; a written statement to the
# police; a solicitor putting a claim together; another party's records with two of their
# details; the customer's confirmation received by someone else, with what it gives away.
EIGHTY_FOURTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "You tell that skipper, one more wash like that over my boat and it'll be him going in "
        "the canal.",
    ),
    (CueKind.THREAT_ABUSE, "If he comes round again I'll put him over the fence myself."),
    (CueKind.THREAT_ABUSE, "He was rude to my mum twice. Sort him out before my brothers do."),
    (
        CueKind.LEGAL,
        "Then it can be looked at by the Civil Aviation Authority too. I've sent them this chat.",
    ),
    (CueKind.LEGAL, "The Health and Safety Executive has opened an investigation into the fall."),
    (CueKind.LEGAL, "I've made a formal statement to the police about your driver."),
    (CueKind.LEGAL, "Our solicitor is putting together a claim for the damage to the van."),
    (
        CueKind.DATA_EXPOSURE,
        "I'm seeing invoices for Harbour Gym: their owner's name, their bank details and their "
        "VAT number.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "She got a letter from you today and it was my booking confirmation, with my home address "
        "and my card digits.",
    ),
]
EIGHTY_FOURTH_LOOKALIKES = [
    "If it rains it'll be you going in the pool first at the staff party 😂",
    "I'll put the hedge trimmer through the service first, then send it back.",
    "Our cleaners sort it out before we do the morning checks.",
    "Our accounts will be reviewed by the Charity Commission next month, so please send the "
    "invoice.",
    "The council has opened a consultation on the new bins.",
    "We sent a full report to the safety committee, all fine.",
    "Our solicitor is putting together the lease for the new unit.",
    "I'm seeing orders for our Leeds branch: their delivery address needs updating.",
]
# An eighty-third round, from batches 295-298 (104 of 120 on first play): hands laid on someone
# promised in anger, harm told by how the person is carried off, the one with the power to change it
# asked for, what leaving costs asked with a rival ready, no more business promised, an injury
# claimed for, an inspector with a long title wanting our certificates, records not ours with a
# bare list of their people's details, the customer's paperwork sent to a stranger, everyone's
# address on the CC line.
EIGHTY_THIRD_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If he speaks to my girls like that again I'll pull him out of his van myself.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If that fitter turns up on my farm again, he'll be stretchered off it.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Is there anybody at head office who understands why this keeps happening and has the "
        "power to change it? Because that's who I want to talk to.",
    ),
    (CueKind.CHURN, "Their team can be live by Monday. How much would we owe you to walk away?"),
    (CueKind.CHURN, "Cancel the standing order and don't expect any more orders from me."),
    (
        CueKind.LEGAL,
        "On my solicitor's advice I'm claiming for my injuries and the wages I lost.",
    ),
    (
        CueKind.LEGAL,
        "The county fire safety inspector came this morning. She's closed the hall and wants your "
        "installation certificates by Monday.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Under Reports I can see timesheets for a company called Brightwater Care. Not us. Names, "
        "home addresses, bank details.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Some woman in Leeds rang me: your office posted her my tenancy contract, with my bank "
        "details in it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Your reminder email went out with every customer address on the CC line.",
    ),
]
EIGHTY_THIRD_LOOKALIKES = [
    "I'll pull the van out of the garage so your engineer can get to the meter.",
    "If the courier comes again tomorrow, he'll be signed in at reception.",
    "Don't expect anything from us until Monday, the office is shut for the bank holiday.",
    "Our lawyer said probably fine, just send the signed copy when you can.",
    "The inspector was here for the annual check and signed everything off.",
    "Could you email her my invoice too? She does our books.",
    "Please put everyone on the list in the BCC line so addresses stay private.",
]
# An eighty-second round, from batches 291-294 (105 of 120 on first play): a statement or slip that
# is not the customer's with another party's details, other people's photos in what we sent, the
# same line counted in times, harm told by where the person is left lying, a crowd not held back,
# whoever signs the contracts asked for.
EIGHTY_SECOND_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The remittance PDF you sent isn't ours. It's for Oakfield Deli, with their bank payment "
        "reference and all their invoice lines.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "About 40 of the pictures in our album aren't from our party, there are other families' "
        "kids in them and the link is already out.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "He'd better not come anywhere near my yard again. If he does he'll be the one lying in "
        "the slurry pit.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Tell him I won't be holding my lads back when they see him on Monday.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "You can't fix this. I want it in front of whoever at your company signs the supplier "
        "contracts, today please, not the help desk.",
    ),
]
EIGHTY_SECOND_LOOKALIKES = [
    "Could you send the signed copy to me and cc our counsel? Thanks so much.",
    "Our legal team does its usual review of the labels next week, could you send the specs?",
    "The photos aren't from our usual photographer but the guests loved every one of them!",
]
# An eighty-first round, from batches 287-290 (100 of 120 on first play): what is not ours, then
# their people's details ("the third tab is another practice, with their names and phone
# numbers"), the customer's own details on a stranger's paperwork "instead of hers", a regulator
# told in a division's name with its inspector wanting our records a sentence later, harm told by
# where the person ends up, a replacement already signed and starting.
EIGHTY_FIRST_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The export has two sheets. The second sheet is another clinic, with their patients' "
        "names and mobile numbers on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I'm seeing orders for Harlow Bakes, not us. Their address and their bank details are "
        "all there.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "A man in Leeds got in touch, his delivery note had my name and my phone number on it "
        "instead of his own.",
    ),
    (
        CueKind.LEGAL,
        "We've reported it to the county food safety department and their inspector comes "
        "Monday. He'll want your batch records for that delivery.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If that fitter turns up here again he'll be the next thing going in the skip, and I "
        "won't be pulling him out.",
    ),
    (
        CueKind.CHURN,
        "Forget it. We've signed with Northgate Couriers and they start Monday, so cancel our "
        "standing order.",
    ),
]
EIGHTY_FIRST_LOOKALIKES = [
    "Those two crates by the back door aren't ours, they're the cafe's; their names are on the "
    "labels if your driver wants them.",
    "haha if the new lad keeps eating the samples he'll be the next thing in the smoker, anyway "
    "two more boxes please",
    "We've signed with Dunmore Accounting and they start in March, so please send statements to "
    "her from then.",
    "The inspector is here Thursday for our annual visit. She'll want your allergen sheet, could "
    "you send it?",
]
# An eightieth round, from batches 283-286 (106 of 120 on first play): a file sent to the wrong
# customer said to be "not ours", everyone's details on a screen others walk past, harm hinted by
# how the driver will leave, the lawyers writing about recovering the costs, and (below, in
# anger) "you muppet".
EIGHTIETH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The welcome pack you sent isn't ours, it's for another nursery, with every child's "
        "allergies and their parents' phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The big screen in reception keeps flipping to a page with everyone's home address on it.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If your driver shorts me again he'll be leaving here and not on his own two feet.",
    ),
    (
        CueKind.LEGAL,
        "Our lawyers will be writing to you shortly about recovering the cost of the reprint.",
    ),
]
EIGHTIETH_LOOKALIKES = [
    "My grandfather's Vienna regulator has stopped, could you book it in for a service?",
    "I'm going to hunt down whoever borrowed the stapler lol",
    "Our dive regulator came back with a sticky purge button, could you take a look?",
]
# A seventy-ninth round, from batches 279-282 (98 of 120 on first play): another party's document
# opened by our link "not us", a view meant for one showing everyone's, someone else's payslip,
# a claim passed up the chain to whoever supplied it, and (below, in anger) the person who runs a
# side of the business and someone with the authority to do a thing.
SEVENTY_NINTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The download button brought up a statement for Harlow Dental, not us, with their "
        "patients' names on it.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The tracking page doesn't only show our parcel, it shows every parcel on the estate with "
        "names and flat numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I opened the shared folder by mistake and it's somebody else's payslip, NI number "
        "and all.",
    ),
    (
        CueKind.LEGAL,
        "Their insurers say they're coming after whoever installed the boiler, which is you.",
    ),
]
SEVENTY_NINTH_LOOKALIKES = [
    "The building inspector will probably want to see the certificates at handover, could you "
    "send them?",
    "Could you send the invoice again? Our accounts person can't find it, not urgent.",
    "Our legal team would like a signed copy of the contract for the file, no rush.",
]
# A seventy-eighth round, from batches 275-278 (102 of 120 on first play): a man warned off the
# customer's site with what he will need, the customer's circle shown the photos "either ... or",
# a whole trade told unless the money comes, and (below, in anger) no more need of us and the
# director's direct line.
SEVENTY_EIGHTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If that fitter of yours sets foot in our yard again without the rails, he'll regret it.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Next visit he'll need his helmet for more than the rain if he turns up empty-handed.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "I run the town's market traders' group. Either this is sorted by Friday or every one of "
        "them will have the photos of your van.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Unless the refund lands today, everybody in the collectors' club will hear exactly what "
        "you sent me.",
    ),
]
SEVENTY_EIGHTH_LOOKALIKES = [
    "Fair warning: if the blue ones sell out again I'm driving over there to raid your warehouse "
    "myself (cake in hand).",
    "Our solicitor wants to see the signed warranty before he signs off on the lease.",
    "Our lawyer asked to check the hire terms before we sign, could you send a copy?",
    "All sorted, hopefully we won't need you again for a while!",
]
# A seventy-seventh round, from batches 271-274 (86 of 120 on first play): staff insulted as a
# pack, harm hinted for whoever steps out of the van, the contract handed to a rival and ours
# ended, an online money claim, the solicitor holding the file, insurers getting it back "off
# you", every subscriber's details in one list, other people's numbers said not to be ours, and
# (below, in anger) the person who decides.
SEVENTY_SEVENTH_ROUND = [
    (CueKind.THREAT_ABUSE, "Useless cowboys, the lot of you. Just refund the order."),
    (
        CueKind.THREAT_ABUSE,
        "When your courier turns up he'd better not get out of the cab, I mean it.",
    ),
    (
        CueKind.LEGAL,
        "I've started a money claim online for the full deposit and it's filed on Friday.",
    ),
    (
        CueKind.LEGAL,
        "Our insurers have the invoices and they'll be claiming the lost week back from you.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The attachment was a list of what looks like every subscriber: names, home addresses and "
        "phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "It shows their contacts' phone numbers and emails. Those aren't our clients at all.",
    ),
]
SEVENTY_SEVENTH_LOOKALIKES = [
    "Our insurers need a copy of the delivery note, could you send one over?",
    "We had a trading standards visit last year, nothing to do with you, all fine.",
    "Thanks, I'll send both to our solicitor for the completion pack.",
    "Nobody fell off anything, which is a result with Year 4!",
]
# A seventy-sixth round, from batches 267-270 (94 of 120 on first play): another person's
# details described with a place between them ("her home address in Leeds, her mobile"), every
# job a login can see, another event's people with their mobiles, other kids' addresses on
# forms, a solicitor drafting a letter to us, a firm that "acts for us" and will write, and harm
# promised for a chance meeting.
SEVENTY_SIXTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The receipt I was emailed is for somebody else: a man's full name, his home address in "
        "Hull, his phone number and what he bought.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Our temp can open every booking: guest names, home addresses and phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Halfway down the file it switches to a different company, with staff names, personal "
        "mobile numbers and job titles.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Two of the sign-up sheets we got back have other families' home addresses on them.",
    ),
    (
        CueKind.LEGAL,
        "My brother-in-law is a lawyer and he is writing a letter to your head office about the "
        "damage.",
    ),
    (
        CueKind.LEGAL,
        "Harwood Jones act for us now and they'll be in touch about recovering the cost.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If we run into that driver again he'd better keep his head down.",
    ),
]
SEVENTY_SIXTH_LOOKALIKES = [
    "Could you print every delegate's full name on the badges? The list is attached.",
    "Our solicitor is drafting the lease and needs the landlord's details from you.",
    "If you see Sam at the fair tell him he'd better save me a coffee!",
    "you should expect a letter from the council about the permit",
]
# A seventy-fifth round, from batches 263-266 (104 of 120 on first play): harm hinted ("he'd best
# stay in his cab", "going home in worse shape"), insurers recovering the cost from us, an
# enforcement officer given our name, the last thing taken from us, a range given to a rival,
# the catalogue stopped, the deposit back to go elsewhere, someone's passport "not mine", and
# (below, in anger) the person responsible asked for by role.
SEVENTY_FIFTH_ROUND = [
    (
        CueKind.LEGAL,
        "My insurers have the report and they'll be claiming the whole repair bill back from "
        "your company.",
    ),
    (
        CueKind.LEGAL,
        "The council's enforcement team came this morning and I've given them your name.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "I opened my upload page and there's a driving licence on it already, not mine.",
    ),
]
SEVENTY_FIFTH_LOOKALIKES = [
    "Is the passport photo on my booking the right size? It's mine, just an old one.",
    "Please stop sending me the paper catalogue, I prefer the PDF. Thanks!",
    "We're moving the order to Thursday if that's ok, the van is booked Wednesday.",
]
# A seventy-fourth round, from batches 259-262 (102 of 120 on first play): other people's
# records in view, many people's details in one file, names never heard of in the customer's
# list, another firm's bookings with their details, a regulator said as "the health and safety
# people" whose inspector wants our records, the notice period asked with a rival ready from a
# date, and (below) the story put on forums "so people know", pictures that go to the paper.
SEVENTY_FOURTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The booking screen is showing us other guests' passport details, not just ours.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "That's another school's pupil records and every one of our teachers can see them.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The export you sent has all 300 members in it: names, home addresses and phone numbers.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "There are 12 customers on our statement we have never heard of, with their orders.",
    ),
    (
        CueKind.LEGAL,
        "We've had to report the fall to the health and safety people and they are on it now.",
    ),
    (
        CueKind.LEGAL,
        "Their inspector has asked for copies of your service records and the test certificates.",
    ),
    (
        CueKind.CHURN,
        "What's the notice period on our cleaning contract? Brightways can take it over from "
        "Monday.",
    ),
]
SEVENTY_FOURTH_LOOKALIKES = [
    "Could the app show other members' names on the leaderboard? The kids would love that.",
    "Our solicitor is dealing with Mum's estate and will settle the invoice after probate.",
    "If the new flavour is as good as the last I'm coming round there to hug your baker 😂",
    "What's the notice period on the contract, out of interest? Just planning next year's budget.",
    "I'll put photos of the finished patio on our Facebook page, it looks brilliant!",
]
# A seventy-third round, from batches 255-258 (105 of 120 on first play): harm told by its
# aftermath, the one the agent answers to, the case put before whoever can pay, the account
# settled and closed or shut down, a rival getting this order and every one after it, a rival
# doing the lines from next week, someone else's details listed, and (below) the same ask
# counted in days.
SEVENTY_THIRD_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "If that driver mouths off at my staff again he'll be scraping himself off the tarmac.",
    ),
    (CueKind.THREAT_ABUSE, "Keep this up and your rep will be eating his dinners through a straw."),
    (
        CueKind.MANAGER_REQUEST,
        "Please have the person you report to look at this and call me before five.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Enough. Get this in front of somebody over there who can actually approve a refund.",
    ),
    (
        CueKind.CHURN,
        "Six years we've ordered from you. I'd like the account paid up and closed this week.",
    ),
    (
        CueKind.CHURN,
        "Send me the final balance on the account and tell me how we close it off.",
    ),
    (
        CueKind.CHURN,
        "Fine. Harper's are taking the autumn order and every one after that.",
    ),
    (
        CueKind.CHURN,
        "Done with this. Dunmore's will be supplying our bread, rolls and cakes from Monday.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Your email had a spreadsheet for another customer in it: names, home addresses and phone "
        "numbers for their whole team.",
    ),
]
SEVENTY_THIRD_LOOKALIKES = [
    "My jaw hit the floor when I saw how good the new batch is, picking my teeth up still!",
    "Could the person you report to sign the NDA as well? Our legal team asked, no rush.",
    "Can I close the old card account and put the orders on the new one?",
    "We're switching the summer order to the larger size and keeping everything else the same.",
    "Another customer recommended you, she said your team is lovely. Name and address below.",
]
# A seventy-second round, from batches 251-254 (99 of 120 on first play): more than the
# customer's own with bank details, someone else's record named ("I am not ..."), an enforcement
# officer acting on the incident, harm left hanging, someone there who can actually act, whoever
# runs production.
SEVENTY_SECOND_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "The file isn't only our branch, it lists sort codes and account numbers for all of them.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "My page is showing a profile for a Jim Hollis and his bank details. I am not Jim.",
    ),
    (
        CueKind.LEGAL,
        "Trading standards came in yesterday, made test purchases and are taking it up with the "
        "packer.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Send that driver back without the part and I can't be responsible for what I do.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I need to speak to someone there who can actually authorise a courier today.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Get me whoever runs dispatch on the phone this afternoon, not another ticket.",
    ),
]
SEVENTY_SECOND_LOOKALIKES = [
    "Thank you, that's everything. I'll forward these to our solicitors for the file.",
    "The lease for the two vans came back from our lawyer. She's happy with it, I'll sign today.",
    "One slightly annoying thing: the courier can only drop at the side gate. Is that ok?",
    "Environmental health want your allergen matrix for our annual inspection file, thanks!",
]
# A seventy-first round, from batches 247-250 (95 of 120 on first play): the firm for
# professional matters writing about the losses, the body that licenses the trade told, whoever
# decides, a call from the owner, the last order named and the account closed, notice asked
# after a rival takes over, a windscreen not left in one piece, a round of "Fourth time then."
SEVENTY_FIRST_ROUND = [
    (
        CueKind.LEGAL,
        "Our accountants have the file and they'll be writing to you about the lost income.",
    ),
    (
        CueKind.LEGAL,
        "I've reported it to the authority that licenses removal firms, with every date.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Put me on to whoever actually makes the decisions on your fleet, today please.",
    ),
    (CueKind.MANAGER_REQUEST, "I want a conversation with the owner, not another ticket."),
    (
        CueKind.CHURN,
        "Third late load this quarter. This order is the last one you'll get from us.",
    ),
    (
        CueKind.CHURN,
        "From next term, Harbour Travel are doing our swimming run. Tell me how much notice your "
        "contract needs.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Your rep won't be leaving with his car windows intact if he tries that again.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The export isn't just our clients, it has names and forwarding addresses for everyone.",
    ),
]
SEVENTY_FIRST_LOOKALIKES = [
    "Thanks, our solicitor is handling the probate so she'll email you the grant.",
    "Could you send the form to the office that licenses market stalls? We need it for Friday.",
    "I'd like to update the owner name on the account, we've sold the business to my sister.",
    "That's the last one of the autumn orders, the winter list will follow next week.",
    "Thank you, you saved me an awkward conversation with the owner.",
]
# A seventieth round, from batches 243-246 (95 of 120 on first play): leaving said as the round
# given up and the season cancelled, harm to a window and to the person who comes back, someone
# "above" the staff, an authority asking after the supplier, "who there can actually ...", and
# people's details in more than the customer's own.
SEVENTIETH_ROUND = [
    (
        CueKind.CHURN,
        "That's it. Take us off your milk round from next week, fifteen years wasted.",
    ),
    (
        CueKind.CHURN,
        "Cancel the remainder of this year's contract deliveries. We shan't be ordering again.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "If the van isn't here by noon I'm lobbing the lot through your shop window.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "And your installer, if she sets foot on my land again she'll regret it.",
    ),
    (CueKind.THREAT_ABUSE, "Tell him I know where he leaves his car at night."),
    (
        CueKind.MANAGER_REQUEST,
        "I want to speak with whoever sits above the installers, not another installer.",
    ),
    (CueKind.MANAGER_REQUEST, "Four weeks of this. Who at your end can actually sign it off?"),
    (
        CueKind.LEGAL,
        "We've had to call environmental health in, and the inspector wants your paperwork for "
        "that batch.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The attachment isn't just our booking, it has names, home addresses and phone numbers "
        "for the whole class.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The rest appear to be a club in Bristol: names, dates of birth and medical notes.",
    ),
]
SEVENTIETH_LOOKALIKES = [
    "Could you take me off the mailing list please? Thanks!",
    "Our office manager (Priya, facilities manager) asked me to order the spare keys.",
    "Moving that sofa nearly killed my husband getting it up the stairs haha, it looks great.",
    "The council asked for your details for the event licence, could you send them over?",
    "Cancel the rest of the order please, we only need the first pallet after all.",
]
SIXTY_NINTH_ROUND = [
    (CueKind.LEGAL, "Our solicitors have been briefed and are costing the whole recall."),
    (
        CueKind.LEGAL,
        "The council's trading standards officers came in and want your batch and storage records "
        "by Friday.",
    ),
    (CueKind.LEGAL, "Will you be reporting this to the Air Accidents Investigation Branch?"),
    (
        CueKind.THREAT_ABUSE,
        "Tell your driver from me he'd better watch his back at the depot.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Fix it by five or tomorrow's review is your logo next to these photos.",
    ),
    (
        CueKind.CHURN,
        "Enough. Baxters are supplying us from Monday, cancel the standing order, that's us done.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "I need to speak to someone there who can actually change the rota, clearly you can't.",
    ),
    (CueKind.DATA_EXPOSURE, "Rows 40 to 80 aren't our members, we shouldn't be holding that."),
    (
        CueKind.DATA_EXPOSURE,
        "The export is the whole school register and this can't be meant for me.",
    ),
]
SIXTY_NINTH_LOOKALIKES = [
    "I'll drive over there and steal your whole stock of tulips myself (kidding!)",
    "The lease came back from our solicitor with two small edits, can you send the clean copy?",
    "Our haulier is stuck at the port again, nothing wrong your side, can you hold the pallets?",
    "Could you tell me who at your end can approve the artwork? Thanks so much!",
    "It failed silently for two days. I shouldn't have to be the one finding this.",
]
SIXTY_EIGHTH_ROUND = [
    (
        CueKind.LEGAL,
        "I've phoned the food safety hotline and reported the batch, they gave me a ref.",
    ),
    (
        CueKind.LEGAL,
        "It's now with the people who handle our contract disputes, and the costs will be "
        "recovered from you.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Put me through to whoever approves the credits there, or whoever they report to.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Let me know who at your end can actually approve it, clearly not you.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Fix it tonight or everyone in the group gets the full story, all 12,000 of them.",
    ),
    (
        CueKind.THREAT_ABUSE,
        "Send him back and he'll be pulling tinsel out of places he didn't know he had. I mean it.",
    ),
    (
        CueKind.CHURN,
        "That's it. Greenway will be supplying all our cafes from next month, close the account "
        "off.",
    ),
]
SIXTY_EIGHTH_LOOKALIKES = [
    "ha, they'll be picking glitter out of places they didn't know they had lol",
    "Could you tell me who at your end handles the artwork proofs? Just to say thanks!",
    "Tell him I'll be waiting for him at reception with the paperwork, thanks!",
    "We rang the council's recycling line to ask about collection days, all sorted.",
]
SIXTY_SEVENTH_ROUND = [
    (
        CueKind.THREAT_ABUSE,
        "Send that fitter back here and he'll be going home in an ambulance, I mean it.",
    ),
    (
        CueKind.LEGAL,
        "The county's environmental health officer called me, someone reported the batch and "
        "she's collecting samples tomorrow.",
    ),
    (
        CueKind.SAFETY,
        "Three of our diners had stomach cramps after eating the terrine last night.",
    ),
    (CueKind.SAFETY, "My daughter ended up at the doctor's with her hands blistered."),
    (
        CueKind.DATA_EXPOSURE,
        "The members page is showing a list of swimmers we've never heard of.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "Eighty names, apparently from another school in Leeds, with home addresses and dates "
        "of birth.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Honestly, this can't be sorted at your level any more, I need someone who can decide.",
    ),
]
SIXTY_SEVENTH_LOOKALIKES = [
    "Could you forward the edits to whoever drafts the agreement on your side? Thanks!",
    "lol if he eats one more of your brownies he'll be leaving on a stretcher",
    "She got a bit of a rash after wearing the gloves but it was the soap, all fine now.",
    "Our council food safety team rang to say the new labelling rules start in May.",
    "We've six new members we've never met, can you add their mobile numbers to the list?",
]
FIFTY_SIXTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "Page 3 is the other club's list, not ours: names, dates of birth and a parent's mobile "
        "number for each child.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "my order email isn't for me. it has someone called Tom's name, his home address and his "
        "door entry code",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the survey that opened isn't ours, it has the owner's name, mobile and 'key safe by the "
        "shed, code 1234'",
    ),
    (CueKind.DATA_EXPOSURE, "I can see children from the other schools on that page too"),
    (CueKind.LEGAL, "I've sent the vet's report to the council's consumer safety officers"),
    (CueKind.LEGAL, "our director has passed the whole file to outside counsel"),
    (
        CueKind.MANAGER_REQUEST,
        "I want the person with the authority to overturn that decision to look at this",
    ),
    (CueKind.MANAGER_REQUEST, "Whose call is it over there to move us up the queue?"),
    (
        CueKind.CHURN,
        "this is a joke. cancel the October and November standing orders, we're going elsewhere",
    ),
    (CueKind.CHURN, "this is a joke. All four sites, every machine, gone."),
    (CueKind.THREAT_ABUSE, "I'll be outside your Leeds warehouse on Monday. Useless bloody lot."),
]
FIFTY_SIXTH_LOOKALIKES = [
    "could you send the invoice to our treasurer Sue? she's sue.treasurer@example.org",
    "Bumping this, I need to give the site manager a delivery time by end of today.",
    "Perfect, I'll pass it to our solicitor for signature today.",
    "if it happens again I'll let you know, thanks for the quick fix",
]
FIFTY_FIFTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "the certificate I downloaded isn't our property. It's for a house on Elm Row, with the "
        "owner's full name and her mobile number.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the portal shows a different girl's report, with her date of birth and home address",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the invoice attached isn't mine?? it's for a Mrs Patel, with her full address in Leeds "
        "and the last 4 of her card",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the attachment on last night's reminder wasn't the rota, it's the whole volunteers list: "
        "home addresses, dates of birth and emergency contacts",
    ),
    (
        CueKind.LEGAL,
        "our legal team has every message in this thread and they'll be writing to your company "
        "about the costs",
    ),
    (CueKind.LEGAL, "I'm filing a claim with the county court on Monday"),
    (CueKind.CHURN, "this is a joke. we're done. rip it all out."),
    (
        CueKind.CHURN,
        "this is a joke. the club moves next year's order to another printer.",
    ),
    (CueKind.MANAGER_REQUEST, "Who do you report to? I want them on this thread today."),
]
FIFTY_FIFTH_LOOKALIKES = [
    "Just closing the loop: all 200m of kerb is down and the crew are in next week. Thanks!",
    "I've attached the full member list: names, home addresses and dates of birth, as you asked "
    "for the insurance.",
]
FIFTY_FOURTH_ROUND = [
    (
        CueKind.DATA_EXPOSURE,
        "the spreadsheet you sent lists another troop's scouts. Names, dates of birth and home "
        "postcodes.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The confirmation has a second page for a different household. It shows their children's "
        "names and their home address.",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "your engineer's sheet lists the alarm codes for two other shops on the parade",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "The statements page lists invoices for Harbour Sails Ltd. Not us. Their owner's mobile "
        "number is on every one.",
    ),
    (CueKind.LEGAL, "I've passed this to the firm that drafted our supply agreement."),
    (CueKind.LEGAL, "They will be writing to your board about this breach."),
    (CueKind.CHURN, "this is a joke. all nine of our site contracts go with us."),
    (
        CueKind.CHURN,
        "this is a joke. close the wholesale account and the summer order goes to them.",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "Put me in touch with somebody over there who can actually make the decision.",
    ),
    (CueKind.MANAGER_REQUEST, "I want to speak to whoever owns the place."),
    (
        CueKind.MANAGER_REQUEST,
        "I need to talk to somebody on your side who actually decides the production schedule.",
    ),
    (CueKind.MANAGER_REQUEST, "If you can't commit to that, tell me who can."),
]
FIFTY_FOURTH_LOOKALIKES = [
    "The courier left a parcel for a different family at ours, it has their home address on the "
    "label, shall I drop it round?",
    "All four of our vans go with us to the show next week, can we get them serviced first?",
    "Our data protection office is doing the annual supplier review, could you send your "
    "retention policy?",
    "We're selling our house and the buyers' solicitor has asked for the guarantee certificate, "
    "could you send it?",
    "Can we close the old test account? We don't use it any more.",
]
FIFTY_THIRD_ROUND = [
    (
        CueKind.MANAGER_REQUEST,
        "I need someone from your product or quality side on this today, not a ticket",
    ),
    (CueKind.MANAGER_REQUEST, "is there really nobody there who is allowed to make an exception?"),
    (
        CueKind.THREAT_ABUSE,
        "this is disgraceful. by friday every parent in the club will know what kind of outfit "
        "you are",
    ),
    (
        CueKind.CHURN,
        "this is a joke. you can forget the other two vans we were sending you for servicing",
    ),
    (CueKind.LEGAL, "the solicitors representing us have asked for your maintenance logs"),
    (CueKind.LEGAL, "if that's your answer, this becomes a matter for a judge"),
    (
        CueKind.DATA_EXPOSURE,
        "the pdf is someone else's, with her home address and the last four digits of her card",
    ),
]
FIFTY_THIRD_LOOKALIKES = [
    "is there anyone there who is able to help in German?",
    "my manager will be thrilled, she's been chasing this internally for weeks lol",
    "please ship it to my neighbour, his home address and phone number are below",
    "we're finished with the install, thanks for the help!",
]
FIFTY_SECOND_ROUND = [
    (CueKind.MANAGER_REQUEST, "then put me through to whoever can. today."),
    (CueKind.MANAGER_REQUEST, "the right person needs to be in this conversation, not a queue"),
    (CueKind.MANAGER_REQUEST, "who at your company is responsible for recalls?"),
    (
        CueKind.THREAT_ABUSE,
        "this is a joke. sort it today or these photos go up in every owners group I'm in, "
        "with your logo on top",
    ),
    (
        CueKind.CHURN,
        "we're pulling your scanners out of all six shops next month, already had the demo "
        "with the other lot",
    ),
    (
        CueKind.DATA_EXPOSURE,
        "the export has 80 rows that aren't ours, with their home addresses and phone numbers",
    ),
    (CueKind.DATA_EXPOSURE, "I have another school's pupils' home addresses on my screen"),
    (CueKind.DATA_EXPOSURE, "the public profile page lists every member's medical conditions"),
    (CueKind.LEGAL, "our insurer has already opened a claim over the collapse"),
]
FIFTY_SECOND_LOOKALIKES = [
    "Floor manager says they have no record of the booth order, can you resend it?",
    "we're taking your screens out of all four sites for the refit, back in by june",
    "we moved to row F in september, could you update the map?",
    "can you get me someone who can help with the api keys?",
    "the public results page looks great, thanks for the quick setup",
]
FIFTY_FIRST_ROUND = [
    (CueKind.LEGAL, "I rang the county's food hygiene complaints line this morning about your van"),
    (
        CueKind.LEGAL,
        "I've filled in the government's product safety report with the photos already",
    ),
    (CueKind.LEGAL, "my cousin does personal injury law and says not to sign anything from you"),
    (
        CueKind.LEGAL,
        "we've been advised to keep all the emails from your company, so bear that in mind",
    ),
    (
        CueKind.MANAGER_REQUEST,
        "this needs somebody who can actually authorise a refund, not another script",
    ),
    (CueKind.DATA_EXPOSURE, "so is my staff list now sitting in another customer's inbox?"),
    (
        CueKind.CHURN,
        "that's it. next year's contract for the depot goes to brightline, they've been chasing us",
    ),
]
FIFTY_FIRST_LOOKALIKES = [
    "do we need to give written notice before the renewal date, or is an email fine?",
    "the new contract goes to legal for review on monday, then we sign",
    "please keep the invoice emails handy, our auditor may ask for them",
    "I rang the council's bin collection line and they said thursday",
    "my manager asked me to check the export before we renew next month",
]
FIFTIETH_ROUND = [
    (
        CueKind.LEGAL,
        "if it's not fixed by friday we hand the whole file to building control and our lawyers",
    ),
    (CueKind.MANAGER_REQUEST, "please make sure this reaches whoever is responsible over there"),
    (CueKind.MANAGER_REQUEST, "if you can't approve it, who can?"),
    (CueKind.MANAGER_REQUEST, "I just need someone to make the call on this today"),
]
FIFTIETH_LOOKALIKES = [
    "can u send it as a pdf so I can forward it up the chain?",
    "and can you send the march invoice, boss wants it for the quarterly review",
    "the eyelets are punched on the wrong panel on half of them",
    "not urgent at all, just annoying in a funny way 😂",
]
FORTY_NINTH_ROUND = [
    (CueKind.MANAGER_REQUEST, "get someone from your product or leadership team on a call today"),
    (CueKind.MANAGER_REQUEST, "we're done going through the support channel on this"),
    (CueKind.MANAGER_REQUEST, "get me whoever at your end actually approves these credits"),
    (CueKind.THREAT_ABUSE, "shut it you little prick, I've had enough of this"),
    (
        CueKind.THREAT_ABUSE,
        "keep messing me around and I'll drive out to your depot and sort this out face to face",
    ),
    (CueKind.THREAT_ABUSE, "I'll be at your office in person and you won't enjoy the visit"),
    (
        CueKind.THREAT_ABUSE,
        "I'm dumping the lot in front of your depot and posting the video everywhere",
    ),
]
FORTY_NINTH_LOOKALIKES = [
    "I'll come try them in person at the pop-up in december",
    "we'll be posting the video everywhere, the kids loved the new slide!",
    "she's the litigation lawyer on our floor and wants it in writing lol",
    "the head on my hoe came off, can I get a new one?",
    "could someone from your engineering team take a look at the logs?",
]
FORTY_EIGHTH_ROUND = [
    (CueKind.LEGAL, "if it isn't paid by friday I'll let a judge decide it"),
    (CueKind.LEGAL, "she is writing this up for the state consumer safety agency"),
    (
        CueKind.DATA_EXPOSURE,
        "we can now see a folder called 'Harbour Clinic - intake forms' and that's not ours",
    ),
    (CueKind.DATA_EXPOSURE, "could someone from your security team look at this today please"),
    (CueKind.MANAGER_REQUEST, "we need someone with the authority to approve the credit, today"),
    (CueKind.MANAGER_REQUEST, "put me through to someone who holds the purse strings"),
    (CueKind.MANAGER_REQUEST, "I'm done negotiating with people who can't approve anything"),
]
FORTY_EIGHTH_LOOKALIKES = [
    "our finance lead is the only one with the authority to approve the PO",
    "our director is the person with the authority to sign, she's back monday",
    "please let a judge of the bake-off know our entry number",
    "I see a new folder called 'Q3 reports', is that ours?",
    "could someone from your security team send over the pen test summary?",
]
FORTY_SEVENTH_ROUND = [
    (CueKind.LEGAL, "I've been writing this up for the product safety office all morning"),
    (CueKind.LEGAL, "the next letter you get from us will be on her firm's letterhead"),
    (CueKind.LEGAL, "we've spoken to someone who handles product liability claims"),
    (CueKind.LEGAL, "you'll be receiving formal papers from our side"),
    (CueKind.LEGAL, "our QA lead is sending a notification to MHRA about your batch"),
    (CueKind.CHURN, "we're pulling your whole spring collection from all 9 of our shops"),
    (
        CueKind.DATA_EXPOSURE,
        "our parcel had another store's packing slip in it, with the buyer's name and phone",
    ),
    (CueKind.MANAGER_REQUEST, "put me in touch with someone who can speak for the workshop"),
]
FORTY_SEVENTH_LOOKALIKES = [
    "the fire inspector is coming on friday, can you send the cert for the extinguishers?",
    "the building inspector asked for the load rating of the shelving",
    "we're taking your samples out of our store until the new labels arrive",
    "I'm writing this up for the board meeting on thursday",
    "could you print the certificate on your letterhead please?",
    "another shop's invoice layout looked nicer than ours, can we change the template?",
    "we need someone who can speak for the lab at our conference in may",
]
FORTY_SIXTH_ROUND = [
    (CueKind.CHURN, "your whole line is coming off our shelves after christmas"),
    (CueKind.CHURN, "every product of yours comes off our planogram in january"),
    (CueKind.MANAGER_REQUEST, "or pass it to whoever is allowed to sign off on it, today"),
    (CueKind.LEGAL, "I will report the heater to the authority for product safety"),
    (CueKind.LEGAL, "I'm filing a complaint with the consumer agency this afternoon"),
    (CueKind.SAFETY, "he has a sprained ankle, we were at urgent care until midnight"),
]
FORTY_SIXTH_LOOKALIKES = [
    "your summer range comes off our website on monday, please send the autumn one",
    "the propane torch kits came with the old regulators, which one is right?",
    "my mum absolutely lost it, cried for ten minutes, thank you so much",
    "10/10 would buy again, thanks for the quick delivery",
]
FORTY_FIRST_ROUND = [
    (CueKind.SAFETY, "the shelf came down last night. no one was hurt, by pure luck"),
    (CueKind.SAFETY, "she has burns on her fingers from the lighter"),
    (CueKind.SAFETY, "one of our cooks got scalded when the lid blew"),
    (CueKind.LEGAL, "I'm reporting it to the council's trading standards team today"),
    (CueKind.LEGAL, "we are filing a complaint with the advertising standards authority"),
    (CueKind.LEGAL, "our solicitor has told us to keep a record of every reply here"),
    (CueKind.CHURN, "we're moving all 22 of our shops away from your brand"),
    (CueKind.CHURN, "the board already has a quote from one of your rivals"),
    (CueKind.CHURN, "tell your sales team they just lost our business"),
    (CueKind.MANAGER_REQUEST, "I'd like to speak to someone who is actually allowed to approve it"),
    (CueKind.MANAGER_REQUEST, "somebody there who's actually responsible for product safety"),
]
FORTY_FIRST_LOOKALIKES = [
    "no one was hurt in the making of this order lol, the team loved the samples",
    "I got burned on the last deal with another supplier so I'm checking everything twice",
    "can you send the certificate to the council's licensing office for our event permit?",
    "our lawyer asked us to keep copies of the signed order forms for the audit",
    "we have a quote from your competitor but we'd rather stay with you, can you match it?",
]
FORTIETH_ROUND = [
    (CueKind.SAFETY, "bleach got into his eyes at the sink, he's being looked at now"),
    (CueKind.LEGAL, "trading standards are investigating after what we sent them"),
    (CueKind.LEGAL, "environmental health are getting the test results from us tomorrow"),
    (CueKind.CHURN, "all 9 of our salons move to another brand next month"),
    (CueKind.CHURN, "our whole grocery account is moving to Dunmore from April"),
    (CueKind.MANAGER_REQUEST, "Then get me someone who can."),
    (CueKind.MANAGER_REQUEST, "I need somebody with real clout on this, not the chat queue"),
]
FORTIETH_LOOKALIKES = [
    "the pallets were delivered to the wrong dock, can you redirect the next one?",
    "environmental health are coming round tuesday for the routine visit, can I get the spec?",
    "all 12 of our stores go to the new POS next week, does the integration carry over?",
    "all our stores switch to summer hours from monday so deliveries after 8 please",
    "can you find me someone who can install it on saturday?",
    "I got paint on my glasses lol, anyway the colour is perfect",
]
THIRTY_NINTH_ROUND = [
    (CueKind.THREAT_ABUSE, "this entire chat is going up on the parents' facebook group tonight"),
    (
        CueKind.THREAT_ABUSE,
        "I have the photos ready. fix it by noon, otherwise the post goes live.",
    ),
    (CueKind.LEGAL, "I'm getting my bank to claw the money back"),
    (CueKind.LEGAL, "the solicitors who act for our trust have your terms now"),
    (
        CueKind.LEGAL,
        "expect a letter to your board about the damages, it's with our people already",
    ),
    (CueKind.SAFETY, "one of the lads needed six stitches after the guard came off"),
    (CueKind.CHURN, "we're pulling your brand off the shelves after this"),
    (
        CueKind.CHURN,
        "honestly we'll let the contract expire in june and find someone who can deliver",
    ),
    (CueKind.CHURN, "that's it, I'm ringing your rival this afternoon"),
    (CueKind.MANAGER_REQUEST, "then take it to whoever can actually say yes"),
    (CueKind.MANAGER_REQUEST, "Ok so who approves this?"),
    (CueKind.MANAGER_REQUEST, "so you can't do it and you won't tell me who can"),
    (CueKind.MANAGER_REQUEST, "is there someone there whose approval goes higher than yours?"),
]
THIRTY_NINTH_LOOKALIKES = [
    "I was with my solicitor all afternoon signing the mortgage papers, sorry for the delay",
    "the price list goes up in the members' group on friday, can you send it over?",
    "our new post goes up on the community page tomorrow, could you share it?",
    "the rep from your competitor called us yesterday but we're happy with you",
    "we let the old test subscription lapse, that's fine",
    "we'll find someone who can sign for the delivery on saturday",
    "who approves this on your side, so I know how long it takes?",
    "I needed 40 stitches for the cast-on row, the pattern is lovely",
    "I asked my bank to send the payment back to your account, it should land today",
    "we need someone who can sign off on the delivery at the dock on friday",
]
THIRTY_EIGHTH_LOOKALIKES = [
    "we need 12 case-bound copies of an arbitration record for a lawyer we work with",
    "our chairman wants to escalate it to a group buy for the whole club lol",
    "all our button orders go to the warehouse in Lyon now, can you update the address?",
    "my next video is about how you make the brushes, can I film at the factory?",
    "I asked my bank to reverse the duplicate payment on my side, so ignore the second one",
]
THIRTY_SEVENTH_LOOKALIKES = [
    "can you put me in touch with whoever handles invoices on our account?",
    "every one of them is switching to the new POS next month, can you send the export?",
    "our solicitor is looking at the lease for the new shop, can you hold the order a week?",
    "we forwarded the quote to the people who handle purchasing on our side",
    "it's for a different shop of ours in Leeds, can you change the delivery address?",
]
THIRTY_SIXTH_LOOKALIKES = [
    "our social media team will post the new photos once the order lands",
    "the twitter integration fails to post since yesterday, can you check?",
    "the press release goes out friday so we need the stock by then",
    "can you send the logo files to the media team too?",
    "we're going to share the new menu on instagram and linkedin next week",
    "I'll write a review on trustpilot, you guys were great",
    "I'll tell everyone how great you were",
    "we have to file a report with the regulator every quarter, can you export the numbers?",
    "do I need to file a claim with the carrier for the dented box or will you?",
    "I filed a claim against the policy last week, can you send the invoice copy?",
    "it has to go up the chain to the district office by friday haha",
    "I'll have to escalate it to our buyer for PO approval first, she's out til tomorrow",
    "your sponges fly off the shelves, we need 40 more",
    "please take this as notice of our change of address",
    "you should expect a letter from the council about the permit",
]
THIRTY_FIFTH_LOOKALIKES = [
    "the contact details of the patient ombudsman changed, can you update the leaflet?",
    "if this frost comes back I'm suing the weather lol",
    "insane turnaround, you guys are dangerous 🔥",
    "all the totals look right now, thanks!",
    "can you send the invoice to whoever runs bookings on our side? it's Maria",
    "we're moving all our printing to another lab in our group, can you transfer the files?",
    "putting the whole thing on every notice board in the village, the poster looks great",
    "we have to file an incident report with our own HR team, nothing to do with you",
]
THIRTY_SECOND_LOOKALIKES = [
    "my wallet hates you, those boards are gorgeous 😍",
    "our insurer wants the policy number for the van, where do I find it?",
    "this whole thread goes in my 'great support' folder lol, thanks!",
    "is there an allergen list for the new range? one of our staff has a nut allergy",
    "I'll pass it to the food standards people on our side when they audit us next month",
]
THIRTY_FIRST_LOOKALIKES = [
    "I'd like a quick call with someone who can approve the PO on our side, can you set one up?",
    "I'll get whoever has the final say on our side to sign it tomorrow",
    "We're moving all our stores to the new POS next month, any tips for the export?",
    "our general counsel is reviewing the contract before we renew, should be done Friday",
    "Every one of our 14 stores goes live on your platform on Monday, exciting!",
    "Our lawyer in Lisbon wants to know when the notarised copy will arrive.",
    "The regulator now requires a monthly report, can your tool export one?",
    "that jingle has been stuck in my head all day lol",
]
THIRTIETH_LOOKALIKES = [
    "I'll put it in front of whoever signs off on our side tomorrow.",
    "The board that oversees the project will decide in March.",
    "our public liability cert expires soon, can you send the new one?",
    "the kids would have killed me if we'd missed it lol",
    "can you come and collect the empty crates on friday? they're stacking up",
    "We're done with the setup, calling the team in now to test.",
    "a competitor has been chasing our account, but we're happy here, just so you know",
]
TWENTY_NINTH_LOOKALIKES = [
    "the new version goes up on the forum tomorrow, I'll link it",
    "we left the kids alone with the tablet for ten minutes and they'd ordered 40 pizzas lol",
    "I'm disputing nothing, just asking what the second line on the invoice is",
]
TWENTY_FOURTH_LOOKALIKES = [
    "Our AV supplier has been a nightmare. Three different people, none of them read the brief.",
    "you won't enjoy the traffic on the way in lol",
    "the launch photos are going up on our Facebook page tomorrow 🎉",
    "I passed my state board exam yesterday, can I update my licence number?",
    "we're getting someone else in to help with the garden too, can you quote for the front?",
]
TWENTY_FIRST_LOOKALIKES = [
    "honestly ready to take them to small claims lol, can your app add late fees?",
    "A family asked us to cancel their auto-renewal, they're moving away. Where is that option?",
]
TWENTIETH_LOOKALIKES = [
    "I'm trying to upload the police report for claim AU-55120 but the portal fails.",
    "great, saves me a round trip with our lawyers :sweat_smile: can you send the NDA?",
    "Oh brilliant, that's a relief. I'll get her to send the doctor's note today.",
    "Our HSE team needs the safety data sheet for the new cleaner, can you send it?",
    "Should we involve the police over the camera traps comment?",
    "Our counsel would also like to know whether you've had any reportable incidents.",
]
EIGHTEENTH_LOOKALIKES = [
    "Can the document go to their CFO first and then to our CEO for the second signature?",
    "The export doesn't only show totals, it shows all the line items too, which is great.",
    "How do staff file a grievance with the HR department in the new portal?",
    "We reported it to the AWS team yesterday and they're on it, thanks.",
    "Can you cancel all the test accounts I created yesterday?",
    "I know exactly what time she finishes school, so the 4pm lesson works.",
    "We're preparing a claim on our insurance for the flood, can you resend the invoice?",
    "Our legal team is reviewing the MSA before we sign, no rush.",
    "Your app keeps harassing me with notifications lol, how do I mute them?",
    "He can't see his listing yet and keeps sending me other people's listings instead.",
    "We pulled out of all the old units last spring and the invoices are closed, thanks.",
    "We're seeing lots of new applicants we've never heard of, the job ad is working!",
    "Please delete all records for our former customer list, ref DEL-2231, by Friday.",
    "Our reminder email to all parents gives the school's address and the office number.",
    "Please cancel the old plan and move us onto Pro from next month.",
    "Thanks! We also reported the firmware bug to the OEM, so no rush on your side.",
]

# ... and theirs: their lawyers pleased, an escalation relayed to support, an episode about suing
# a landlord, every seat moved to another plan.
FIFTEENTH_LOOKALIKES = [
    "Our legal team will be delighted the DPA is signed, thanks for the quick turnaround.",
    "One of our managers asked me to escalate it to you, though it's not urgent at all.",
    "Our podcast episode on suing a landlord goes out Friday; can it be scheduled for 9am?",
    "Can we move all 25 seats to the annual plan at renewal?",
    "Sorted, thank you! No need to escalate, I'll let my supervisor know it was our mistake.",
    "Any news on the refund for the 12 seats on the flight the airline cancelled last week?",
    "We got a third-party subpoena in a case between two of our clients; how do we export emails?",
    "I know where the depot is, can I drop the green bins there on Saturday?",
]

# ... and theirs: a building called "... Court", a password manager, an SLA breached (a missed
# commitment, not exposed data).
TWELFTH_LOOKALIKES = [
    "I'm the site manager for Kings Court, can the meter readings go to the new tenants in May?",
    "Can we roll out the password manager extension to the whole finance team?",
    "Two deliveries breached the 24h SLA last month, please apply the usual service credit.",
]

# ... and theirs: a workflow that escalates to someone's line manager, a litigation hold and an
# audit trail exported for the court in the customer's own case, a simile about oneself.
THIRTEENTH_LOOKALIKES = [
    "If the approver is away for 2 days, does it escalate to their line manager or to HR?",
    "We need a litigation hold on one folder and an audit log we can export for the court.",
    "I've been promising our tenant 'next week' like an idiot, could you tell me the real date?",
    "Please move the archived campaigns to another folder, they clutter the dashboard.",
]

# ... and theirs: a punch list, seats reduced for a team that leaves, a chargeback on the
# customer's own order, a report sent on to their own CFO.
FOURTEENTH_LOOKALIKES = [
    "Can the punch list export include the photos? The walkthrough was brutal lol.",
    "Please remove 15 of our 60 licences next cycle, the contractors are leaving in May.",
    "A shopper filed a chargeback on order 5521, what evidence do I send the bank?",
    "Thanks, send me the summary and I'll take it to the CFO on Monday.",
]

# ... and theirs: "Boss," as a form of address, the agent's own "escalated" asked about.
ELEVENTH_LOOKALIKES = [
    "Restarted. Twice. Boss, is 4:15 now, gates open at 7 and we have 3,000 people coming.",
    "Aiyo. Escalated since when? Nobody update us leh, some users want to delete the app already.",
]

# ... and theirs: a newsroom's own desk, looking like an idiot in front of one's own office, a
# subscription cancelled for lack of funding with nothing wrong with the product.
TENTH_LOOKALIKES = [
    "Our councillor asked for the ward figures again, could you resend the export?",
    "We're doing safeguarding training next week; can we assign the module to all staff?",
    "The board reviews every vendor each March, could you send the usual renewal pack?",
    "Yes please, turn it on for the News desk workspace, the reporters need it today.",
    "I've been stuck on this since 9am and I'm going to look like an idiot in front of the office.",
]

# ... and its look-alikes: a return filed with a regulator, the regulator's template, a
# go-live moved after an ultimatum, moving licences inside the account, a Facebook page the
# customer runs, release notes posted on the vendor's page.
NINTH_LOOKALIKES = [
    "We need to submit our half-yearly return to the FCA by 31 July. Can the report group by "
    "product line?",
    "Does the export follow the FCA's RegData template, or do we reformat it?",
    "If it isn't sorted by Friday we will move the go-live to Monday, no problem.",
    "Could we move all 40 licenses to the new workspace before the audit?",
    "We put the opening hours on our Facebook page, can the widget show them too?",
    "Could you post the new release notes on your LinkedIn too? Our users follow it.",
]

ESCALATIONS = (
    PARAPHRASES
    + SECOND_ROUND
    + THIRD_ROUND
    + FOURTH_ROUND
    + FIFTH_ROUND
    + SIXTH_ROUND
    + SEVENTH_ROUND
    + EIGHTH_ROUND
    + NINTH_ROUND
    + TENTH_ROUND
    + ELEVENTH_ROUND
    + TWELFTH_ROUND
    + THIRTEENTH_ROUND
    + FOURTEENTH_ROUND
    + FIFTEENTH_ROUND
    + SIXTEENTH_ROUND
    + SEVENTEENTH_ROUND
    + EIGHTEENTH_ROUND
    + NINETEENTH_ROUND
    + TWENTIETH_ROUND
    + TWENTY_FIRST_ROUND
    + TWENTY_SECOND_ROUND
    + TWENTY_THIRD_ROUND
    + TWENTY_FOURTH_ROUND
    + TWENTY_FIFTH_ROUND
    + TWENTY_SIXTH_ROUND
    + TWENTY_SEVENTH_ROUND
    + TWENTY_EIGHTH_ROUND
    + TWENTY_NINTH_ROUND
    + THIRTIETH_ROUND
    + THIRTY_FIRST_ROUND
    + THIRTY_SECOND_ROUND
    + THIRTY_THIRD_ROUND
    + THIRTY_FOURTH_ROUND
    + THIRTY_FIFTH_ROUND
    + THIRTY_SIXTH_ROUND
    + THIRTY_SEVENTH_ROUND
    + THIRTY_EIGHTH_ROUND
    + THIRTY_NINTH_ROUND
    + FORTIETH_ROUND
    + FORTY_FIRST_ROUND
    + FORTY_SECOND_ROUND
    + FORTY_THIRD_ROUND
    + FORTY_FOURTH_ROUND
    + FORTY_FIFTH_ROUND
    + FORTY_SIXTH_ROUND
    + FORTY_SEVENTH_ROUND
    + FORTY_EIGHTH_ROUND
    + FORTY_NINTH_ROUND
    + FIFTIETH_ROUND
    + FIFTY_FIRST_ROUND
    + FIFTY_SECOND_ROUND
    + FIFTY_THIRD_ROUND
    + FIFTY_FOURTH_ROUND
    + FIFTY_FIFTH_ROUND
    + FIFTY_SIXTH_ROUND
    + FIFTY_SEVENTH_ROUND
    + FIFTY_EIGHTH_ROUND
    + FIFTY_NINTH_ROUND
    + SIXTIETH_ROUND
    + SIXTY_FIRST_ROUND
    + SIXTY_SECOND_ROUND
    + SIXTY_THIRD_ROUND
    + SIXTY_FOURTH_ROUND
    + SIXTY_FIFTH_ROUND
    + SIXTY_SIXTH_ROUND
    + SIXTY_SEVENTH_ROUND
    + SIXTY_EIGHTH_ROUND
    + SIXTY_NINTH_ROUND
    + SEVENTIETH_ROUND
    + SEVENTY_FIRST_ROUND
    + SEVENTY_SECOND_ROUND
    + SEVENTY_THIRD_ROUND
    + SEVENTY_FOURTH_ROUND
    + EIGHTY_FIFTH_ROUND
    + EIGHTY_SIXTH_ROUND
    + EIGHTY_SEVENTH_ROUND
    + EIGHTY_EIGHTH_ROUND
    + EIGHTY_NINTH_ROUND
    + NINETIETH_ROUND
    + NINETY_FIRST_ROUND
    + NINETY_SECOND_ROUND
    + NINETY_THIRD_ROUND
    + NINETY_FOURTH_ROUND
    + NINETY_FIFTH_ROUND
    + NINETY_SIXTH_ROUND
    + NINETY_SEVENTH_ROUND
    + NINETY_EIGHTH_ROUND
    + NINETY_NINTH_ROUND
    + HUNDREDTH_ROUND
    + HUNDRED_AND_FIRST_ROUND
    + HUNDRED_AND_SECOND_ROUND
    + HUNDRED_AND_THIRD_ROUND
    + HUNDRED_AND_FOURTH_ROUND
    + HUNDRED_AND_FIFTH_ROUND
    + HUNDRED_AND_SIXTH_ROUND
    + HUNDRED_AND_SEVENTH_ROUND
    + HUNDRED_AND_EIGHTH_ROUND
    + HUNDRED_AND_NINTH_ROUND
    + HUNDRED_AND_TENTH_ROUND
    + HUNDRED_AND_ELEVENTH_ROUND
    + HUNDRED_AND_TWELFTH_ROUND
    + HUNDRED_AND_THIRTEENTH_ROUND
    + HUNDRED_AND_FOURTEENTH_ROUND
    + HUNDRED_AND_FIFTEENTH_ROUND
    + HUNDRED_AND_SIXTEENTH_ROUND
    + HUNDRED_AND_SEVENTEENTH_ROUND
    + HUNDRED_AND_EIGHTEENTH_ROUND
    + HUNDRED_AND_NINETEENTH_ROUND
    + HUNDRED_AND_TWENTIETH_ROUND
    + HUNDRED_AND_TWENTY_FIRST_ROUND
    + HUNDRED_AND_TWENTY_SECOND_ROUND
    + HUNDRED_AND_TWENTY_THIRD_ROUND
    + HUNDRED_AND_TWENTY_FOURTH_ROUND
    + HUNDRED_AND_TWENTY_FIFTH_ROUND
    + HUNDRED_AND_TWENTY_SIXTH_ROUND
    + HUNDRED_AND_TWENTY_SEVENTH_ROUND
    + EIGHTY_FOURTH_ROUND
    + EIGHTY_THIRD_ROUND
    + EIGHTY_SECOND_ROUND
    + EIGHTY_FIRST_ROUND
    + EIGHTIETH_ROUND
    + SEVENTY_NINTH_ROUND
    + SEVENTY_EIGHTH_ROUND
    + SEVENTY_SEVENTH_ROUND
    + SEVENTY_SIXTH_ROUND
    + SEVENTY_FIFTH_ROUND
)
CALM_LOOKALIKES = (
    LOOKALIKES
    + SECOND_LOOKALIKES
    + THIRD_LOOKALIKES
    + FOURTH_LOOKALIKES
    + FIFTH_LOOKALIKES
    + SIXTH_LOOKALIKES
    + SEVENTH_LOOKALIKES
    + EIGHTH_LOOKALIKES
    + NINTH_LOOKALIKES
    + TENTH_LOOKALIKES
    + ELEVENTH_LOOKALIKES
    + TWELFTH_LOOKALIKES
    + THIRTEENTH_LOOKALIKES
    + FOURTEENTH_LOOKALIKES
    + FIFTEENTH_LOOKALIKES
    + EIGHTEENTH_LOOKALIKES
    + NINETEENTH_LOOKALIKES
    + TWENTIETH_LOOKALIKES
    + TWENTY_FIRST_LOOKALIKES
    + TWENTY_SECOND_LOOKALIKES
    + TWENTY_THIRD_LOOKALIKES
    + TWENTY_FOURTH_LOOKALIKES
    + TWENTY_FIFTH_LOOKALIKES
    + TWENTY_SIXTH_LOOKALIKES
    + TWENTY_SEVENTH_LOOKALIKES
    + TWENTY_EIGHTH_LOOKALIKES
    + TWENTY_NINTH_LOOKALIKES
    + THIRTIETH_LOOKALIKES
    + THIRTY_FIRST_LOOKALIKES
    + THIRTY_SECOND_LOOKALIKES
    + THIRTY_THIRD_LOOKALIKES
    + THIRTY_FOURTH_LOOKALIKES
    + THIRTY_FIFTH_LOOKALIKES
    + THIRTY_SIXTH_LOOKALIKES
    + THIRTY_SEVENTH_LOOKALIKES
    + THIRTY_EIGHTH_LOOKALIKES
    + THIRTY_NINTH_LOOKALIKES
    + FORTIETH_LOOKALIKES
    + FORTY_FIRST_LOOKALIKES
    + FORTY_SECOND_LOOKALIKES
    + FORTY_THIRD_LOOKALIKES
    + FORTY_FOURTH_LOOKALIKES
    + FORTY_FIFTH_LOOKALIKES
    + FORTY_SIXTH_LOOKALIKES
    + FORTY_SEVENTH_LOOKALIKES
    + FORTY_EIGHTH_LOOKALIKES
    + FORTY_NINTH_LOOKALIKES
    + FIFTIETH_LOOKALIKES
    + FIFTY_FIRST_LOOKALIKES
    + FIFTY_SECOND_LOOKALIKES
    + FIFTY_THIRD_LOOKALIKES
    + FIFTY_FOURTH_LOOKALIKES
    + FIFTY_FIFTH_LOOKALIKES
    + FIFTY_SIXTH_LOOKALIKES
    + FIFTY_SEVENTH_LOOKALIKES
    + FIFTY_EIGHTH_LOOKALIKES
    + FIFTY_NINTH_LOOKALIKES
    + SIXTIETH_LOOKALIKES
    + SIXTY_FIRST_LOOKALIKES
    + SIXTY_SECOND_LOOKALIKES
    + SIXTY_THIRD_LOOKALIKES
    + SIXTY_FOURTH_LOOKALIKES
    + SIXTY_FIFTH_LOOKALIKES
    + SIXTY_SIXTH_LOOKALIKES
    + SIXTY_SEVENTH_LOOKALIKES
    + SIXTY_EIGHTH_LOOKALIKES
    + SIXTY_NINTH_LOOKALIKES
    + SEVENTIETH_LOOKALIKES
    + SEVENTY_FIRST_LOOKALIKES
    + SEVENTY_SECOND_LOOKALIKES
    + SEVENTY_THIRD_LOOKALIKES
    + SEVENTY_FOURTH_LOOKALIKES
    + EIGHTY_SIXTH_LOOKALIKES
    + EIGHTY_SEVENTH_LOOKALIKES
    + EIGHTY_EIGHTH_LOOKALIKES
    + EIGHTY_NINTH_LOOKALIKES
    + NINETIETH_LOOKALIKES
    + NINETY_FIRST_LOOKALIKES
    + NINETY_SECOND_LOOKALIKES
    + NINETY_THIRD_LOOKALIKES
    + NINETY_FOURTH_LOOKALIKES
    + NINETY_FIFTH_LOOKALIKES
    + NINETY_SIXTH_LOOKALIKES
    + NINETY_SEVENTH_LOOKALIKES
    + NINETY_EIGHTH_LOOKALIKES
    + NINETY_NINTH_LOOKALIKES
    + HUNDREDTH_LOOKALIKES
    + HUNDRED_AND_FIRST_LOOKALIKES
    + HUNDRED_AND_SECOND_LOOKALIKES
    + HUNDRED_AND_THIRD_LOOKALIKES
    + HUNDRED_AND_FOURTH_LOOKALIKES
    + HUNDRED_AND_FIFTH_LOOKALIKES
    + HUNDRED_AND_SIXTH_LOOKALIKES
    + HUNDRED_AND_SEVENTH_LOOKALIKES
    + HUNDRED_AND_EIGHTH_LOOKALIKES
    + HUNDRED_AND_NINTH_LOOKALIKES
    + HUNDRED_AND_TENTH_LOOKALIKES
    + HUNDRED_AND_ELEVENTH_LOOKALIKES
    + HUNDRED_AND_TWELFTH_LOOKALIKES
    + HUNDRED_AND_THIRTEENTH_LOOKALIKES
    + HUNDRED_AND_FOURTEENTH_LOOKALIKES
    + HUNDRED_AND_FIFTEENTH_LOOKALIKES
    + HUNDRED_AND_SIXTEENTH_LOOKALIKES
    + HUNDRED_AND_SEVENTEENTH_LOOKALIKES
    + HUNDRED_AND_EIGHTEENTH_LOOKALIKES
    + HUNDRED_AND_NINETEENTH_LOOKALIKES
    + HUNDRED_AND_TWENTIETH_LOOKALIKES
    + HUNDRED_AND_TWENTY_FIRST_LOOKALIKES
    + HUNDRED_AND_TWENTY_SECOND_LOOKALIKES
    + HUNDRED_AND_TWENTY_THIRD_LOOKALIKES
    + HUNDRED_AND_TWENTY_FOURTH_LOOKALIKES
    + HUNDRED_AND_TWENTY_FIFTH_LOOKALIKES
    + HUNDRED_AND_TWENTY_SIXTH_LOOKALIKES
    + HUNDRED_AND_TWENTY_SEVENTH_LOOKALIKES
    + EIGHTY_FIFTH_LOOKALIKES
    + EIGHTY_FOURTH_LOOKALIKES
    + EIGHTY_THIRD_LOOKALIKES
    + EIGHTY_SECOND_LOOKALIKES
    + EIGHTY_FIRST_LOOKALIKES
    + EIGHTIETH_LOOKALIKES
    + SEVENTY_NINTH_LOOKALIKES
    + SEVENTY_EIGHTH_LOOKALIKES
    + SEVENTY_SEVENTH_LOOKALIKES
    + SEVENTY_SIXTH_LOOKALIKES
    + SEVENTY_FIFTH_LOOKALIKES
)


@pytest.mark.parametrize(("kind", "text"), ESCALATIONS, ids=[t[:40] for _, t in ESCALATIONS])
def test_an_escalation_said_another_way_is_recognised(kind: CueKind, text: str) -> None:
    a = third_message(text)
    assert kind in {c.kind for c in a.cues}, a.explain()


@pytest.mark.parametrize("text", CALM_LOOKALIKES, ids=[t[:40] for t in CALM_LOOKALIKES])
def test_calm_lines_with_the_same_words_raise_no_cue(text: str) -> None:
    calm_opening = "Hi, the nightly sync to our warehouse failed twice this week. Can you check?"
    a = third_message(text, calm_opening)
    assert not [c for c in a.cues if c.kind is not CueKind.BEYOND_AUTHORITY], a.explain()
    assert not a.escalate, a.explain()


def test_thanks_to_pass_up_to_someones_manager_ask_for_no_manager() -> None:
    """In a thread with no complaint, thanks to pass on to a manager are praise; after a
    complaint, a manager asked for beside thanks is still a manager request."""
    praise = "Huge thanks to Sam for Saturday's fix, could you pass that on to her manager?"
    calm = third_message(praise, "Hi! Quick note before the weekend, all good on our side.")
    assert CueKind.MANAGER_REQUEST not in {c.kind for c in calm.cues}, calm.explain()
    after_complaint = third_message(
        "Thanks for the update. I would like to speak to your manager about this now.",
        "Your sync failed again last night and nobody told us. This is the third time.",
    )
    assert CueKind.MANAGER_REQUEST in {c.kind for c in after_complaint.cues}


def test_a_body_named_by_its_acronym_counts_only_from_an_upset_customer() -> None:
    """An acronym may as well be a team or a vendor: said calmly, reporting to it is no cue."""
    calm = read_one("Hi! We reported the label typo to the TSSA as well, all sorted, thanks.")
    assert CueKind.LEGAL not in {c.kind for c in calm.cues}, calm.explain()
    upset = third_message("Unbelievable. Third time. I'm reporting this to the TSSA today.")
    assert CueKind.LEGAL in {c.kind for c in upset.cues}, upset.explain()
    lowered = third_message("Unbelievable. Third time. i'm reporting this to the tssa today.")
    assert CueKind.LEGAL not in {c.kind for c in lowered.cues}, "only capitals name it"


def test_the_same_ask_counted_in_days_says_it_goes_round() -> None:
    """ "I've asked on four separate days" says the thread goes round, as "fourth time asking"
    does; a count of days that is no ask is not."""
    stuck = third_message(
        "Still no answer. I've asked for the test certificate on four separate days now."
    )
    assert "repeat.loop" in {sig.id for sig in stuck.signals}, stuck.explain()
    planned = third_message("We've booked the fitters on three separate days next month.")
    assert "repeat.loop" not in {sig.id for sig in planned.signals}, planned.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Useless. I'm putting the photos and your reply on every trade forum I'm on so people "
        "know what they're buying.",
        "Those photos go to the Gazette tonight with your name under them, and every customer in "
        "town will know exactly who left us like this. Disgraceful.",
    ],
)
def test_the_story_taken_public_with_its_purpose_in_anger_is_a_threat(text: str) -> None:
    angry = "Third delivery this month with smashed tiles and nobody has called me back. Furious."
    a = third_message(text, angry)
    assert CueKind.THREAT_ABUSE in {c.kind for c in a.cues}, a.explain()


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (
            CueKind.THREAT_ABUSE,
            "Tell the driver he'd better stay in his van when he comes, the lads are furious.",
        ),
        (
            CueKind.THREAT_ABUSE,
            "If nobody comes today your installer will be going home in a worse state than my "
            "floor. Try me.",
        ),
        (
            CueKind.CHURN,
            "Don't bother. This pallet is the last one we're taking from you and the spring range "
            "has gone to Hollins.",
        ),
        (
            CueKind.CHURN,
            "Eleven years and not a phone call. Send me whatever I need to get the deposit back.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "Not good enough. Who's head of customer service at your place? I want them ringing "
            "me today.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "I'm not arguing with an inbox. I need to speak to the person responsible for that "
            "depot today.",
        ),
        (
            CueKind.CHURN,
            "Enough. The autumn range is going to Barlow Textiles, they can start next week.",
        ),
        (
            CueKind.CHURN,
            "The new mixer we quoted for is going elsewhere and they can price replacing the rest "
            "of your kit while they're at it.",
        ),
        (
            CueKind.CHURN,
            "Shut our account, send me what we owe and I'll pay it and be finished with you.",
        ),
        (
            CueKind.CHURN,
            "Please cancel the rest of our open orders, we won't be needing them.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "Give me the name of whoever runs your returns department and have them ring me.",
        ),
        (
            CueKind.CHURN,
            "Unbelievable, again. They can have the contract. Send me whatever we need to end "
            "ours.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "I'm done with the front desk. I want to talk to whoever decides on refunds, today.",
        ),
        (
            CueKind.CHURN,
            "I've had it. Once their machines are in we won't be needing you any more, "
            "maintenance plan included.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "Give me Sarah Okafor's direct line, or your MD's, either will do.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "I want a name: whoever runs that loading bay, and I want them calling me.",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "You're not the person I need. Who runs the wholesale side at your place?",
        ),
        (
            CueKind.MANAGER_REQUEST,
            "I need someone with the authority to put a van on the road today.",
        ),
        (CueKind.THREAT_ABUSE, "I counted them myself, you muppet."),
    ],
)
def test_said_in_anger_these_are_escalations(kind: CueKind, text: str) -> None:
    """Batches 263-266: words that ask nothing of a supervisor calmly ("who's head of
    partnerships?") and are a threat, leaving or a manager request in anger."""
    angry = "Third delivery this month with smashed tiles and nobody has called me back. Furious."
    a = third_message(text, angry)
    assert kind in {c.kind for c in a.cues}, a.explain()


def test_the_person_responsible_asked_for_calmly_is_no_manager_request() -> None:
    calm_opening = "Hi, the nightly sync to our warehouse failed twice this week. Can you check?"
    a = third_message(
        "Could I talk to the person responsible for the booking system about an integration?",
        calm_opening,
    )
    assert CueKind.MANAGER_REQUEST not in {c.kind for c in a.cues}, a.explain()


def test_a_thing_shut_is_no_threat() -> None:
    """ "Shut our account" reads close to "shut up" by likeness; it is leaving, not abuse."""
    angry = "Third delivery this month with smashed tiles and nobody has called me back. Furious."
    a = third_message("Shut our account. We're done.", angry)
    kinds = {c.kind for c in a.cues}
    assert CueKind.THREAT_ABUSE not in kinds and CueKind.CHURN in kinds, a.explain()


def test_the_rest_of_an_order_cancelled_calmly_is_an_order_change() -> None:
    calm_opening = "Hi, the nightly sync to our warehouse failed twice this week. Can you check?"
    a = third_message(
        "Could you cancel the rest of our open orders for the blue ones?", calm_opening
    )
    assert CueKind.CHURN not in {c.kind for c in a.cues}, a.explain()
