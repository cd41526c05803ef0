# Perl/perl5 GitHub issues migrated from rt.perl.org: the body is the e-mail that arrived at perlbug, as stored (markdown-escaped).
P="pitch"; R="reciprocity"
PERL = [
(P,1,"PERL.ALADDIN.RU",4883,"trafficmagnet.net",r"""&nbsp;  
&nbsp;    Hi

&nbsp;      

&nbsp;      I visited PERL\.ALADDIN\.RU \, and
&nbsp;      noticed that you're not listed on some search engines\! I think we can offer
&nbsp;      you a service which can help you increase traffic and the number of visitors
&nbsp;      to your website\.

&nbsp;      

&nbsp;      I would like to introduce you to TrafficMagnet\.net \. We offer a unique technology
&nbsp;      that will submit your website to over 300\,000 search engines and directories
&nbsp;      every month\.

&nbsp;      You'll be surprised by the low cost\, and by how effective this website promotion
&nbsp;      method can be\. 

&nbsp;      

&nbsp;      To find out more about TrafficMagnet and the cost for submitting your website
&nbsp;      to over 300\,000 search engines and directories\, visit www\.TrafficMagnet\.net \.
&nbsp;      

&nbsp;      

&nbsp;      I would love to hear from you\. 

&nbsp;      

&nbsp;      Best Regards\,

&nbsp;      Christine Hall 

&nbsp;      Sales and Marketing"""),
(P,1,"Web development for your web site.",4433,"bosla.com",r"""This is "Hesham Abdou"; I'm the owner of Bosla\.com web hosting services\, you
can call me Hesham\.

Bosla\.com is offering very competitive web hosting packages starting at 2 US$
/ month\.

Bosla\.com is offering 25 % discount on web hosting if you will transfer your
web site to our servers\. If interested please reply to this e\-mail 
mentioning your web site address and we will send back to you the promotional
code to process your online order\.

This offer is valid until 29 September 2001\.

For detailed hosting plans and ordering\, visit
http&#8203;://www\.bosla\.com/hosting\.html

Best regards\,
Hesham Abdou
Web&#8203;: http&#8203;://www\.bosla\.com
E\-mail&#8203;: mailto&#8203;:heshamabdou@&#8203;bosla\.com
Tel&#8203;: \+20122494241

---
If you wish not to receive any message from us\, please 
forward this message to letmeout@&#8203;bosla\.com"""),
(P,1,"We would like to get some information on your company",5039,"webstream.net",r"""Hello\, 

We would like to get some info or a media kit on your company in an effort to explore the ways that we might be able to work together\. We have been developing and hosting web sites since 1997\. We offer low\-cost design\, programming\, hosting and traffic generation\. We support Linux\, WinNT and AS400\. 

We also offer webcasting\, video conferenceing\, on\-line training and other streaming media applications designed to save you money and enhance your on\-line image\. 

Our channel marketing program allows you to become a reseller of our services and create a revenue share for yourself\.

Please forward this to the proper party\, or respond to the address below\. You can also visit our web site at http&#8203;://webstream\.net for more information on our services\. 

If by e\-mail&#8203;: 
josh\.winters@&#8203;webstream\.net 

If by mail&#8203;: 
WebStream Internet Solutions 
Outsourcing/Purchasing 
2200 W\.Commercial Blvd\. Suite 204 
Ft\. Lauderdale\, FL 33309 USA 

Thank you very much\. 

Sincerely\, 

Josh Winters"""),
(P,1,"http://www.sdc.iup.edu/documentation/PerlDocs/manual/hints/",5131,"trafficbbs.com (forwarded by webmaster@perl.com; inner message only)",r"""Hello\,

You may have spent much on lots of ways to achieve these \- search engine registrations\, website promotions\, press release\, email sending?\- Here Traffic BBS presents you a unique method economically and professionally converting a PC into personal message distribution center\! Traffic BBS assists you to post your message or ad to over 1\,200\,000\+ message boards on the web worldwide\. Along with a hyperlink to your website or email address\, a message of your business\, product\, service or offer will be promptly submitted to targeted bulletin boards\. You can expect instant response\! 
Get your business\, service\, product or offer seen\! 
Best Regards\,
Crisha Wenston
Sales & Marketing www\.trafficbbs\.com"""),
(P,1,"Can you spare 6 seconds?",4183,"voyager.net",r"""May I have your permission to send you
a brief email about my web site?

I am not a "spammer"\, and only
want to send this information to
you if you are willing to accept it\.

If you will allow me the privilege
of sending you my address\, just 
repy with "YES" in the subject 
field\.

If you are not interested\, please
accept my apology for taking 
your time\.

Respecfully submitted\,
Pete Mygatt
Person To Person Promotions
2546 Rt\. 73 E\.
Waynesville\, OH 45068\-9510
800\-563\-5984
Cell phone&#8203;: 937\-974\-7383"""),
(P,1,"*****ADVERTISE TO 12 MILLION PEOPLE FREE!",4799,"bigcashtoday.com",r"""Dear perlbug@&#8203;perl\.com\,

&nbsp;                  Would you like to send an Email Advertisement to
&nbsp;                   OVER 12\,000\,000 PEOPLE DAILY for FREE?
&nbsp;                  
Do you have a product or service to sell?
Do you want an extra 100 orders per week?

NOTE&#8203;: \(If you do not already have a product or service to sell\, we can 
supply you with one\)\.

=========================================================
1\) Let's say you\.\.\. Sell a $24\.95 PRODUCT or SERVICE\.
2\) Let's say you\.\.\. Broadcast Email to only 500\,000 PEOPLE\.
3\) Let's say you\.\.\. Receive JUST 1 ORDER for EVERY 2\,500 EMAILS\.

CALCULATION OF YOUR EARNINGS BASED ON THE ABOVE STATISTICS&#8203;:

\[Day 1\]&#8203;: $4\,990  \[Week 1\]&#8203;: $34\,930  \[Month 1\]&#8203;: $139\,720

========================================================
To find out more information\, Do not respond by email\. Instead\, Please 
visit our web site at&#8203;: 

http&#8203;://www\.bigcashtoday\.com"""),
(P,1,"his business plan",4803,"voila.fr",r"""Dear Friend\,
When I decided to get serious about making
money on the Internet\, it seemed that
everywhere I went\, I was pointed to
the same guy for the tools and resources
that are CRITICAL to anyone's online
success\. In fact\, after a little research\,
I discovered that this guy has\.\.\.
OVER 11\,258 SITES THAT ARE
RECOMMENDING HIM TODAY
\.\.\.\. as the Internet's \#1 online marketing
resource\. I just wanted to send you a quick
e\-mail to introduce you to the guy who has
shown myself and literally thousands of
netrepreneurs\, just like you and me\, how to
earn a SERIOUS INCOME on the Internet\.
The fellow I am talking about is Corey Rudl\,
the owner of 4 extremely successful online
businesses and author of the \#1 BEST\-SELLING
Internet Marketing course\. One of his web
sites alone receives over 6\,000\,000 visitors
every single year\.\.\.so he must know what he
is doing\!
When I visited his site\, I was completely
shocked by the huge volumes of Internet
marketing tips and strategies \-\- critical
to the success of your e\-business \-\- that I
was faced with\.
Corey has tested absolutely everything and
will show you the EXACT RESULTS YOU CAN
EXPECT when you start using his techniques"""),
(P,1,"Your Confirmation",5171,"yahoo.com",r"""Your confirmation is required\, as you are someone who has recently
requested information about a home based business\.

If this is not the case anymore\, we're sorry for this intrusion and
please note "Remove" instructions at end\.

WARNING\! Discover The Shocking TRUTH Of Affiliate Marketing\!
STOP Earning Soup Kitchen Wages With Pre\-Historic Methods\!
Six Internet Marketing MILLIONARIES "Put Up Or Shut Up"\!

AMAZING "Net\-O\-Matic" System Has Our Competition Scrambling
Back To Their Drawing Boards\!

We Will Give You 10 Affiliates Just For Test Driving Our System FREE\!

Respond With 24 Hours And Get&#8203;:

\* Your OWN "Net\-O\-Matic" Website System
\* FREE Behind The Scenes Training
\* INSTANT Email Confirmation Of NEW Affiliates In Your Organization
\* 10 FREE Affiliates PLACED In Your Organization \(probably more\)

Only Available At&#8203;: 

http&#8203;://www\.extreme\-wealth\.net

SPECIAL BONUS FOR ACTING NOW&#8203;:

\* 15\,000 Weekly Email Blasts To Build YOUR Group
\* 25 Solo Ezine Ads To Build YOUR Group
\* $10\,000 In Monthly Advertising To Build YOUR Group

Hurry\! This Is A Limited Offer&#8203;:

http&#8203;://www\.extreme\-wealth\.net"""),
(P,1,"Sofware Development from Russia ($15-$20 per hour)",3260,"mail.ru",r"""Please consider deploying our highly skilled off\-shore programmers on your e\-commerce and software development projects\.
They develop software for&#8203;:

ALL WINDOWS AND UNIX PLATFORMS

databases\, networks\, and languages\, plus Perl\, PHP\, C\+\+\, ASP\, Cold Fusion\, Java\, WAP\, XML\, MS Access\, SQL\, Shopping Carts\, and the Internet\.
Typical rates are $15 to $20 per hour\.

They are fast\, professional\, inexpensive\, cheap\, and available immediately\.
Please call me\, or reply this e\-mail\.

http&#8203;://softomate\.da\.ru

Thanks\!

Paul Smirnov    \+1 \(213\) 5162593

PS\. You are already removed\!

PPS\. In Europe?    Please call \+39 3480612212"""),
(P,1,"Software Development from Russia ($20-$25 per hour)",5318,"mail.ru",r"""Dear IT Manager\,

Have you ever thought of redesigning your website 
or creating an on\-line database\, in short\, anything 
that has to do with software development\, this offer 
is right for you\. Our highly skilled off\-shore 
programmers are capable and ready to develop any 
of your e\-commerce software dreams and needs\. 

We develop for ALL WINDOWS AND UNIX PLATFORMS
Auctions\, Hosting Solutions\, Shopping Carts\, 
databases\, networks\, plus Perl\, PHP\, C\+\+\, ASP\, 
Cold Fusion\, Java\, Wap\, XML\, MS Access\, SQL\, etc\.

From business analysis and consulting to web design\, 
from coding to testing we provide a full cycle of 
IT services\.

Typical rates are 20\-25 USD per hour\.

For more complete information about the company 
and services provided please visit 
http&#8203;://www\.smtprogramming\.com 
I will be glad to answer any of your questions 
\(triband55@&#8203;mail\.ru\)\. 
Feel free to contact us any time and all the 
estimates will be done for you FREE of charge\.

Thanks\!
Paul

PS\. It's one time message\. You are not on a list\."""),
(R,1,"Link exchange Request",5187,"otterhosting.com",r"""I visited your www\.perl\.com website\.

I visited your \<URL> website\, Our Sites have similar content and I believe we can have a mutually beneficial association\.

I want to trade links\. 

I've added your website's listing to my link directory&#8203;:
http&#8203;://www\.otterhosting\.com/links/themeindex\.html\. 

The listing is in the perl theme at this page&#8203;:
http&#8203;://www\.otterhosting\.com/links/perl\.html\. 

My website is&#8203;:
http&#8203;://www\.otterhosting\.com/\.

Regards\,
dave anderson
danderson@&#8203;otterhosting\.com
http&#8203;://www\.otterhosting\.com/

Info to add my website's link to your website&#8203;:
http&#8203;://www\.otterhosting\.com/linkinfo\.htm"""),
]
