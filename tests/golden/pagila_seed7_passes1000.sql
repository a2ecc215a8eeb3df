-- sqlsynth compiled load program
-- from orm.yaml and config.yaml, --num-passes 1000
-- run with: psql -v ON_ERROR_STOP=1 -f FILE (into a database made by `sqlsynth create-tables`)
-- seed 7; 15000 rows in 15 tables
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL search_path = "public";
DO 'BEGIN IF EXISTS (SELECT 1 FROM "public"."actor") THEN RAISE EXCEPTION ''sqlsynth: table actor already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."category") THEN RAISE EXCEPTION ''sqlsynth: table category already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."country") THEN RAISE EXCEPTION ''sqlsynth: table country already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."city") THEN RAISE EXCEPTION ''sqlsynth: table city already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."address") THEN RAISE EXCEPTION ''sqlsynth: table address already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."language") THEN RAISE EXCEPTION ''sqlsynth: table language already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."film") THEN RAISE EXCEPTION ''sqlsynth: table film already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."film_actor") THEN RAISE EXCEPTION ''sqlsynth: table film_actor already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."film_category") THEN RAISE EXCEPTION ''sqlsynth: table film_category already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."staff") THEN RAISE EXCEPTION ''sqlsynth: table staff already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."store") THEN RAISE EXCEPTION ''sqlsynth: table store already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."customer") THEN RAISE EXCEPTION ''sqlsynth: table customer already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."inventory") THEN RAISE EXCEPTION ''sqlsynth: table inventory already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."rental") THEN RAISE EXCEPTION ''sqlsynth: table rental already has rows; run remove-data first, or add --append''; END IF; IF EXISTS (SELECT 1 FROM "public"."payment") THEN RAISE EXCEPTION ''sqlsynth: table payment already has rows; run remove-data first, or add --append''; END IF; END';
CREATE TEMP TABLE "sqlsynth_pool_1" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.first_name (1000 values)
COPY "pg_temp"."sqlsynth_pool_1" (k, v) FROM STDIN;
1	Elvis
2	Emerald
3	Kirby
4	Bret
5	Ronny
6	Armanda
7	Joe
8	Bernie
9	Jimmie
10	Karl
11	Dann
12	Robby
13	Darby
14	Barrett
15	Theola
16	Aubrey
17	Barbie
18	Vertie
19	Alyse
20	Laurence
21	Lamar
22	Jaquelyn
23	Kristel
24	Liberty
25	Tari
26	Stewart
27	Weston
28	Ling
29	Hal
30	Carita
31	Gilberte
32	Delinda
33	Demetrice
34	Jarvis
35	Vena
36	Son
37	Allan
38	Latrisha
39	Daysi
40	Olen
41	Arla
42	Waldo
43	Valentine
44	Tiera
45	Fermin
46	Shelba
47	Numbers
48	Charlena
49	Bradley
50	Marcelino
51	Dick
52	Maximo
53	Gennie
54	Toshiko
55	Tammera
56	Torrie
57	Isela
58	Edgar
59	Lucas
60	Joselyn
61	Jeffie
62	Pete
63	Alphonse
64	Kacy
65	Arnetta
66	Fred
67	Robin
68	Patrina
69	Toney
70	Milda
71	Tracee
72	Amado
73	Diego
74	Oscar
75	Stan
76	Herma
77	Kizzy
78	Barabara
79	Babette
80	Gary
81	Micheal
82	Irwin
83	Leana
84	Judson
85	Pa
86	Makeda
87	Sang
88	Brice
89	Shawnna
90	Wenona
91	Brady
92	Darrin
93	Yanira
94	Matthew
95	Winford
96	Stepanie
97	Thad
98	Soraya
99	Peter
100	Tarah
101	Paulita
102	Branden
103	Magdalen
104	Elwood
105	Lindsy
106	Sylvie
107	Rana
108	Alejandrina
109	Karisa
110	Patricia
111	Waneta
112	Malcolm
113	Blaine
114	Scott
115	Herschel
116	Kaci
117	Ramonita
118	Robbie
119	Dallas
120	Pasquale
121	Amira
122	Santo
123	Britt
124	Jewell
125	Freeman
126	Gudrun
127	Genaro
128	Jerald
129	Reginald
130	Glenn
131	Jonathon
132	Carl
133	Dewayne
134	Miesha
135	Henry
136	Nestor
137	Divina
138	Akilah
139	Loree
140	Alysha
141	Donovan
142	Dave
143	Shenita
144	Gavin
145	Jenae
146	Daniel
147	Leonia
148	September
149	Vincent
150	Antoine
151	Keren
152	Alica
153	Vito
154	Echo
155	Dannie
156	Waltraud
157	Jeramy
158	Shaunda
159	Maren
160	Harlan
161	Kristopher
162	Ivory
163	Ying
164	Pedro
165	Alexis
166	Donn
167	Shaunte
168	Arlena
169	Thersa
170	Lonnie
171	Kurtis
172	Benito
173	Gilma
174	Kaila
175	Samuel
176	Danae
177	Darwin
178	Mario
179	Corey
180	Gwyneth
181	Willetta
182	Kendall
183	Danial
184	Ignacia
185	Jerrold
186	Jae
187	Nelson
188	Normand
189	Tyrell
190	Orlando
191	Earle
192	Aja
193	Rima
194	Shay
195	Austin
196	Ali
197	Love
198	Levi
199	Natisha
200	Muoi
201	Dusti
202	Fernande
203	Jeffery
204	Von
205	Temeka
206	Georgiann
207	Mariella
208	Leo
209	Jovan
210	Shaquita
211	Phung
212	Devin
213	Carlena
214	Shavonda
215	Jen
216	Christena
217	Zachariah
218	Ellamae
219	Oliver
220	Annalisa
221	Dan
222	Frank
223	Tuyet
224	Corrin
225	Blossom
226	Lucio
227	Karmen
228	Shani
229	Wilford
230	Tien
231	Giuseppe
232	Raylene
233	Treena
234	Vernia
235	Laverna
236	Lanny
237	Al
238	Cira
239	Shella
240	Jessi
241	Tracy
242	Annamae
243	Celine
244	Sage
245	Dion
246	Wally
247	Zana
248	Emmanuel
249	Jolie
250	Antonia
251	Carli
252	Mireille
253	Reed
254	Tuan
255	Daniell
256	Maxwell
257	Marg
258	Marcene
259	Maire
260	Manuel
261	Linsey
262	Jame
263	Lyndon
264	Isidro
265	Erlene
266	Enola
267	Earnest
268	Joline
269	Marielle
270	Dannette
271	Berry
272	Malka
273	Brandon
274	Kindra
275	Junior
276	Casey
277	Shiloh
278	Jesus
279	Arnette
280	Jean
281	Anibal
282	Edwardo
283	Julene
284	Delsie
285	Anjanette
286	Versie
287	Ross
288	Erwin
289	Donald
290	Bert
291	Maryln
292	Kristofer
293	Wanetta
294	Cammy
295	Jonah
296	Blythe
297	Dell
298	Carter
299	Ron
300	Percy
301	Steven
302	Olevia
303	Junko
304	Laurine
305	Terry
306	Eura
307	Clementina
308	Yolande
309	Clifford
310	Clemente
311	Jamee
312	Annett
313	Thurman
314	Agueda
315	Alla
316	Luanna
317	Randy
318	Perry
319	Russ
320	Mason
321	Trevor
322	Ellan
323	Lauren
324	Lanora
325	Robbyn
326	Magan
327	Tifany
328	Daina
329	Sanford
330	Ardelia
331	Crissy
332	Londa
333	Bernarda
334	Ernest
335	Sunday
336	Elene
337	Rene
338	Cruz
339	Kenton
340	Donnie
341	Gregg
342	Shon
343	Elizabet
344	Gonzalo
345	Malika
346	Anton
347	Iraida
348	Jess
349	Johnette
350	Tamesha
351	Tiffaney
352	Nolan
353	Stephen
354	Alejandro
355	Tamiko
356	Delta
357	Sanora
358	Delmer
359	Sergio
360	Kina
361	Shela
362	Rayna
363	Omer
364	Barry
365	Walter
366	Rosio
367	Dwain
368	Krissy
369	Pamelia
370	Jude
371	Cristobal
372	Jenine
373	Janee
374	Seymour
375	Celinda
376	Carlita
377	Mitchell
378	Weldon
379	Chase
380	Loyce
381	Aaron
382	Serina
383	Verlie
384	Devon
385	Graig
386	Julian
387	Nathanael
388	Lanell
389	Tobias
390	Jarrett
391	Dalila
392	Simonne
393	Jasper
394	Nu
395	Erin
396	Gretta
397	Fidelia
398	Myrta
399	Keturah
400	Young
401	Nyla
402	Tashia
403	Lloyd
404	Keith
405	Brett
406	Corie
407	Sima
408	Lawanna
409	Rebecka
410	Jeneva
411	Hertha
412	Melissia
413	Clark
414	Jake
415	Lyman
416	Alexander
417	Coleman
418	Craig
419	Korey
420	Danika
421	Brooks
422	Emilio
423	Graham
424	Augustina
425	Dimple
426	Leopoldo
427	Fernando
428	Shantae
429	Adaline
430	Rocky
431	Luigi
432	Charita
433	Conception
434	Catherin
435	Chi
436	Lewis
437	Wilfredo
438	Keli
439	Barney
440	Cody
441	Emelda
442	Basil
443	Lorriane
444	Kirstie
445	Reid
446	Sunni
447	Regan
448	Man
449	Kum
450	Tommye
451	Genevive
452	Loan
453	Tommy
454	Leonard
455	Warren
456	Tandy
457	Eleonore
458	Slyvia
459	Zulma
460	Kasandra
461	Simon
462	Clinton
463	Estefana
464	Lala
465	Brent
466	Archie
467	Merrie
468	Gaynelle
469	Antonio
470	Colin
471	Jaime
472	Gilbert
473	Lahoma
474	Kieth
475	Moshe
476	Alonso
477	Kacie
478	Terence
479	Obdulia
480	Pierre
481	Arvilla
482	Erich
483	Nga
484	Geraldo
485	Miquel
486	Renato
487	Gustavo
488	Bernardo
489	Shaun
490	Wilbur
491	Jerrell
492	Ashlea
493	Setsuko
494	Arnulfo
495	Kasey
496	Sonny
497	Eldridge
498	Tatyana
499	Lakendra
500	Laila
501	Lanelle
502	Hue
503	Enoch
504	Randolph
505	Willie
506	Pandora
507	Kenny
508	Tomi
509	Brad
510	Aurelio
511	Rosia
512	Milo
513	Mafalda
514	Monet
515	Dalene
516	Sadye
517	Cary
518	Doria
519	Monroe
520	Marline
521	Marquis
522	Kendrick
523	Lurlene
524	Romeo
525	Renna
526	Cordie
527	Lael
528	Kenneth
529	Sharika
530	Roosevelt
531	Becki
532	Kory
533	Solange
534	Lorina
535	Elenora
536	Marlana
537	Maryrose
538	Noah
539	Letisha
540	Thomas
541	Darius
542	Boyce
543	Dino
544	Harrison
545	Del
546	Jalisa
547	Paul
548	Madie
549	Hildred
550	Leonida
551	Marco
552	Andera
553	Hannelore
554	Georgann
555	Shantelle
556	Brenton
557	Lawrence
558	Ha
559	Wallace
560	Elbert
561	Bebe
562	Vicente
563	Vaughn
564	Eladia
565	Damion
566	Jerold
567	Emanuel
568	Hipolito
569	Refugia
570	Gia
571	Maximina
572	Minh
573	Morris
574	Noe
575	Darron
576	Broderick
577	Williemae
578	Harvey
579	Gale
580	Rodolfo
581	Edmond
582	Yasuko
583	Vincenzo
584	Kelsi
585	Sherwood
586	Ronnie
587	Arthur
588	Felisa
589	Gerald
590	Dana
591	Alethia
592	Chery
593	Isobel
594	Melita
595	Rolando
596	Doyle
597	Trinity
598	Omar
599	Darrell
600	Lashawnda
601	Clint
602	Cleopatra
603	Hilton
604	Quinn
605	Edison
606	Christeen
607	Caleb
608	Solomon
609	Maple
610	Hyman
611	Neville
612	Grant
613	Neely
614	Elmo
615	Cyril
616	Valda
617	Jetta
618	Merilyn
619	Chan
620	Santiago
621	Eric
622	Edris
623	Marcel
624	Timmy
625	Clyde
626	Albert
627	Zachery
628	Will
629	Angelo
630	Hubert
631	Hai
632	Bethann
633	Theron
634	Malcom
635	Lynn
636	Quentin
637	Sherman
638	Ralph
639	Hedy
640	Avery
641	Davis
642	Lajuana
643	Wesley
644	Asley
645	Felix
646	Martin
647	Lovella
648	Tasia
649	Juliane
650	Emerson
651	Byron
652	Toby
653	Kristle
654	Eddy
655	Jc
656	Claudie
657	Rory
658	Emmett
659	Marcelo
660	Marine
661	Illa
662	Roseline
663	Odelia
664	Bobby
665	Roman
666	Dania
667	Ngoc
668	Mose
669	Kathey
670	Glynis
671	Ardath
672	Theresia
673	Efren
674	Bradly
675	Robert
676	Shanita
677	Javier
678	Kathrin
679	Hermine
680	Nieves
681	Joesph
682	Pei
683	Albertine
684	Dennis
685	Roselee
686	Susy
687	Bobbie
688	Bev
689	Alberto
690	Eryn
691	Moses
692	Mauricio
693	Mariano
694	Dayle
695	Cheree
696	Johnny
697	Samella
698	Nida
699	Ela
700	Pamula
701	Jamie
702	Tyler
703	Shonna
704	Arlen
705	Shu
706	Salome
707	Ghislaine
708	Felipe
709	Todd
710	Leena
711	Nery
712	Eneida
713	Raelene
714	Katheleen
715	Ellena
716	Jeffry
717	Tyrone
718	Porter
719	Rachele
720	Demetrius
721	Shaunta
722	Jamar
723	Buffy
724	Max
725	Elvin
726	Krystina
727	Haywood
728	Zetta
729	Carol
730	Ehtel
731	Marna
732	Caterina
733	Lang
734	Mikel
735	Geoffrey
736	Genia
737	Millard
738	Erminia
739	Lannie
740	Ardella
741	Laquanda
742	Georgianne
743	Royal
744	Randall
745	Bong
746	Tanner
747	Rod
748	Else
749	Jarrod
750	Jadwiga
751	Bertram
752	Brittny
753	Shan
754	Ben
755	Danilo
756	Lilliana
757	Gilberto
758	Eilene
759	Lonny
760	Leif
761	Galina
762	Tu
763	Jazmine
764	Venice
765	Ema
766	Merri
767	Lavonia
768	Thanh
769	Glen
770	Isaias
771	Jerome
772	Ervin
773	Sol
774	Chassidy
775	Charis
776	Armando
777	Dennise
778	Riley
779	Brigida
780	Ezekiel
781	Iesha
782	Santos
783	Indira
784	Nancee
785	Shizue
786	Tyron
787	Elijah
788	Emmitt
789	Elias
790	Refugio
791	Hershel
792	Samara
793	Rema
794	Euna
795	Charlie
796	Elisha
797	Jesenia
798	Takako
799	Anthony
800	Shavonne
801	Ivey
802	Garrett
803	Andrew
804	Cornell
805	Chang
806	Chet
807	Kenyetta
808	Jessie
809	Marshall
810	Shalon
811	Adam
812	Leigha
813	Michelina
814	Alvera
815	Pablo
816	Stacey
817	Brian
818	Romaine
819	Woodrow
820	Wilton
821	Sheldon
822	Merlene
823	Valrie
824	Brendon
825	Sherly
826	Kiera
827	Wynell
828	Julee
829	Samual
830	Jonas
831	Sung
832	Nelia
833	Ezra
834	Vince
835	Scarlet
836	Rayford
837	Naoma
838	Ria
839	Marya
840	Burton
841	Les
842	Collin
843	Maragaret
844	Christene
845	Colby
846	Harold
847	Maria
848	Coretta
849	Cornelius
850	Kiana
851	Lavenia
852	Giuseppina
853	Arie
854	Kiersten
855	Carmen
856	Claud
857	Ebonie
858	Valentin
859	Antony
860	Charles
861	Quinton
862	Sydney
863	Mora
864	Bruno
865	Ira
866	Jeffrey
867	Angeles
868	Cesar
869	Deeanna
870	Douglas
871	Hassan
872	Agripina
873	Brinda
874	Elfrieda
875	Toi
876	Francene
877	Arnold
878	Rich
879	Latarsha
880	Latia
881	Carlton
882	Herbert
883	Ruben
884	Margurite
885	Ignacio
886	Jennell
887	Onie
888	Abraham
889	Melany
890	Hee
891	Stanford
892	Carrol
893	Ailene
894	Drema
895	Vanetta
896	Shaunna
897	Savanna
898	Jessika
899	Whitley
900	Spring
901	Bruna
902	Mike
903	Val
904	Benedict
905	Sid
906	Cole
907	Tanna
908	Rusty
909	Jere
910	Cherish
911	Esteban
912	Patria
913	Salley
914	Christopher
915	Roscoe
916	Rudy
917	Junie
918	Natalya
919	Dorsey
920	Vannessa
921	Sheba
922	Cleveland
923	Doreatha
924	Errol
925	Patrick
926	Emmaline
927	Cleora
928	Reggie
929	Kermit
930	Travis
931	Mervin
932	Justin
933	Mariel
934	Homer
935	Providencia
936	Hsiu
937	Alan
938	Thomasine
939	Rolf
940	Efrain
941	Marvis
942	Toccara
943	Janean
944	Desmond
945	Luis
946	Marcellus
947	Luther
948	Coreen
949	Veta
950	Harland
951	Celena
952	Marvella
953	Gail
954	Amina
955	Sherlyn
956	Elton
957	Lillia
958	Virgil
959	Tamisha
960	Stefan
961	Karlyn
962	Miles
963	Alline
964	Clarinda
965	Bernardine
966	Mel
967	Major
968	Ricardo
969	Penni
970	Lamont
971	Doloris
972	Andy
973	Melania
974	Marc
975	Osvaldo
976	Michiko
977	Jeremy
978	Terica
979	Lianne
980	Lecia
981	Kellye
982	Branda
983	Etsuko
984	Marchelle
985	Adolfo
986	Kayleen
987	Myung
988	Mammie
989	Carolyne
990	August
991	Reagan
992	Asa
993	Agnus
994	Marianela
995	Willy
996	Raymond
997	Royce
998	Federico
999	Kasie
1000	Shakia
\.
ANALYZE "pg_temp"."sqlsynth_pool_1";
CREATE TEMP TABLE "sqlsynth_pool_2" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.last_name (844 values)
COPY "pg_temp"."sqlsynth_pool_2" (k, v) FROM STDIN;
1	Foley
2	Wolf
3	Moore
4	Zimmerman
5	Craig
6	Barlow
7	Mosley
8	Christensen
9	Hickman
10	Green
11	Sexton
12	Bond
13	Malone
14	Thornton
15	Carter
16	Cleveland
17	Best
18	Bernard
19	Melendez
20	Sanford
21	Abbott
22	Diaz
23	Crosby
24	Atkinson
25	Wright
26	Mercer
27	Marshall
28	Goodman
29	Kent
30	Swanson
31	Martinez
32	Evans
33	Kirby
34	Webster
35	Fleming
36	Horton
37	Drake
38	Roth
39	Pierce
40	Todd
41	Madden
42	Everett
43	Jordan
44	Haney
45	Gamble
46	Knowles
47	Clayton
48	Poole
49	Valencia
50	Nguyen
51	Delaney
52	West
53	Lewis
54	Guthrie
55	Holder
56	Le
57	Conrad
58	Chandler
59	Lynch
60	Miles
61	Cabrera
62	Workman
63	Downs
64	Stephenson
65	Solomon
66	Carr
67	Herrera
68	Head
69	Mccullough
70	Hatfield
71	Lopez
72	Mcclure
73	Wagner
74	Dillon
75	Phelps
76	Douglas
77	Dotson
78	Bradley
79	Klein
80	Weber
81	Love
82	Callahan
83	Randolph
84	Hines
85	Benton
86	Hudson
87	Sutton
88	Tillman
89	Lee
90	Mayer
91	Yates
92	Rivera
93	Rutledge
94	Gordon
95	Mcfarland
96	Maxwell
97	Townsend
98	Rosales
99	Mathis
100	Sellers
101	Duran
102	Kirkland
103	Shaw
104	Buck
105	Gentry
106	Macias
107	Browning
108	Velazquez
109	Reeves
110	Lawson
111	Deleon
112	Huber
113	Benson
114	Carlson
115	Barnett
116	Salazar
117	Figueroa
118	Mclaughlin
119	Forbes
120	Roberts
121	Conway
122	Castaneda
123	Sharp
124	Gray
125	Patrick
126	Griffin
127	Padilla
128	Pitts
129	Merritt
130	Baker
131	Gilliam
132	Houston
133	Lindsay
134	Rojas
135	Cash
136	Wood
137	Crawford
138	Bishop
139	Haynes
140	Jones
141	Vazquez
142	Kline
143	Owen
144	Hunter
145	Kramer
146	Carson
147	Moran
148	Skinner
149	Singleton
150	Short
151	Wiley
152	Holloway
153	Montoya
154	Ortega
155	Watkins
156	Dominguez
157	Bender
158	Zamora
159	Wells
160	Burt
161	Walsh
162	Barrett
163	Compton
164	Dejesus
165	Gallegos
166	Delgado
167	Simmons
168	Weaver
169	Hood
170	Calhoun
171	Harrington
172	Dudley
173	Finley
174	Holt
175	Clemons
176	Schroeder
177	Bradshaw
178	Barrera
179	Cochran
180	Ray
181	Gould
182	Bright
183	Berger
184	Sargent
185	Morton
186	Ward
187	Juarez
188	Clay
189	Nelson
190	Day
191	Garrison
192	Simon
193	Russo
194	Hoffman
195	Carpenter
196	Guzman
197	Horn
198	Burks
199	Velez
200	Anthony
201	Cherry
202	Mcconnell
203	Whitehead
204	Preston
205	Robles
206	Hamilton
207	Mcpherson
208	Larsen
209	Campbell
210	Brennan
211	Heath
212	Delacruz
213	Franco
214	O'neal
215	Silva
216	Rosario
217	Dennis
218	Woods
219	Hunt
220	Jennings
221	Ortiz
222	Henderson
223	Hays
224	Marquez
225	Bowman
226	Duncan
227	Harrison
228	Curry
229	Sheppard
230	Fuller
231	Underwood
232	Valenzuela
233	Levy
234	Gross
235	Lynn
236	Burgess
237	Roberson
238	Newton
239	Romero
240	Conley
241	Olsen
242	Carey
243	Boyer
244	Wise
245	Hebert
246	Chambers
247	Navarro
248	Cantu
249	Morgan
250	Horne
251	Cooke
252	Ayers
253	Clark
254	Peck
255	Shepherd
256	Ramirez
257	Russell
258	Barton
259	Ayala
260	Baldwin
261	Villarreal
262	Woodward
263	Spence
264	Meyers
265	Cotton
266	Brewer
267	Middleton
268	Mason
269	Kerr
270	Powell
271	Pittman
272	Cooley
273	Ruiz
274	Luna
275	Moon
276	Lindsey
277	Lyons
278	Mcknight
279	Howe
280	Robertson
281	Cantrell
282	Bass
283	Walter
284	Bell
285	Wall
286	Hess
287	Gomez
288	Bruce
289	Farmer
290	Sloan
291	Lester
292	Saunders
293	Conner
294	Blake
295	Stevens
296	Moss
297	Wolfe
298	Marks
299	Carney
300	Bean
301	Summers
302	Castro
303	Sanders
304	Joyner
305	Whitley
306	Mccarty
307	Watts
308	Rivers
309	Reilly
310	Avila
311	O'neill
312	Nicholson
313	Maddox
314	Pugh
315	Holman
316	Ball
317	Hooper
318	Terrell
319	Cunningham
320	Riggs
321	Vargas
322	Beasley
323	Spencer
324	Matthews
325	Strong
326	Burton
327	Maynard
328	Williamson
329	Perry
330	Booker
331	Marsh
332	Sherman
333	O'neil
334	Meyer
335	Andrews
336	Battle
337	Vaughn
338	Garrett
339	Landry
340	Valdez
341	Hendricks
342	Durham
343	Foreman
344	Rowland
345	Gibbs
346	Mcbride
347	Mcguire
348	Serrano
349	Bolton
350	Nixon
351	Rosa
352	Ferrell
353	Flowers
354	Warner
355	Sandoval
356	Mccray
357	Dunn
358	Chapman
359	Cardenas
360	Wong
361	Sears
362	Williams
363	Ramsey
364	White
365	Mccall
366	Roach
367	Burch
368	Daniel
369	Mullen
370	Gates
371	Mccormick
372	Leon
373	Mullins
374	Mitchell
375	Eaton
376	Carver
377	Stout
378	Hodges
379	Witt
380	Peterson
381	Contreras
382	Rich
383	Mcfadden
384	Hammond
385	Allen
386	Travis
387	Patterson
388	Keith
389	Sims
390	Stephens
391	Pena
392	Vaughan
393	Dickson
394	Hardin
395	Sharpe
396	Herring
397	York
398	Leonard
399	Fitzgerald
400	Alford
401	Bird
402	Hartman
403	Long
404	Tyler
405	Crane
406	Whitaker
407	Nunez
408	Rogers
409	Mercado
410	Barry
411	Salinas
412	Dixon
413	Carrillo
414	Moses
415	Hull
416	Greene
417	Merrill
418	Sanchez
419	Brock
420	Lawrence
421	Finch
422	Johnson
423	Keller
424	Burnett
425	Bowen
426	Joseph
427	Justice
428	Duffy
429	Dean
430	Blair
431	Fischer
432	Davis
433	Koch
434	Mcneil
435	Richards
436	Clements
437	Benjamin
438	Owens
439	Chen
440	Gaines
441	Mathews
442	Gonzales
443	Stanton
444	Briggs
445	Mckay
446	Avery
447	Reese
448	Rodriquez
449	Aguilar
450	Mueller
451	Cook
452	Harmon
453	Knapp
454	Fox
455	Adams
456	Gonzalez
457	Rasmussen
458	Chan
459	Fitzpatrick
460	Mills
461	Norman
462	Hubbard
463	Torres
464	Bush
465	Parks
466	Osborne
467	Goodwin
468	Mclean
469	Morin
470	Espinoza
471	Nash
472	O'connor
473	Blackburn
474	Park
475	Edwards
476	Newman
477	Woodard
478	Hawkins
479	Pratt
480	Herman
481	Porter
482	Bonner
483	Cross
484	Donaldson
485	Wynn
486	Mcintosh
487	Mcgowan
488	Pate
489	Winters
490	Jarvis
491	Morrison
492	Graves
493	Parker
494	Melton
495	Hayes
496	Bridges
497	Sawyer
498	Barnes
499	Rollins
500	Blanchard
501	Santiago
502	Colon
503	Hansen
504	Whitney
505	Cannon
506	Kennedy
507	Dunlap
508	Noel
509	Harper
510	Reid
511	Potts
512	Roy
513	Shepard
514	Fletcher
515	Guerrero
516	Snider
517	England
518	O'brien
519	O'donnell
520	Waller
521	Dillard
522	Petty
523	Blackwell
524	Guy
525	Watson
526	William
527	Sullivan
528	Sosa
529	Shields
530	Jacobs
531	Lamb
532	Gutierrez
533	Stuart
534	Hutchinson
535	Carroll
536	Fernandez
537	Cohen
538	Walls
539	Reed
540	Banks
541	Perez
542	Blankenship
543	May
544	Gallagher
545	Francis
546	Vance
547	Charles
548	Vang
549	Black
550	Savage
551	Combs
552	Britt
553	Boyle
554	Jackson
555	Schneider
556	Griffith
557	Alexander
558	Bryant
559	Fuentes
560	Flynn
561	Willis
562	Hayden
563	Schultz
564	Palmer
565	Johns
566	Dale
567	Molina
568	Tate
569	Ryan
570	Stewart
571	Thomas
572	Key
573	Gay
574	Lott
575	Vincent
576	Shannon
577	Stein
578	Hall
579	Harding
580	Dawson
581	Bauer
582	Rice
583	Lowe
584	Dorsey
585	Cox
586	Walters
587	Hodge
588	Ochoa
589	Lane
590	Grant
591	Garcia
592	Fields
593	Trujillo
594	Wooten
595	Chaney
596	Mcdonald
597	Potter
598	Riddle
599	Morris
600	Riley
601	Petersen
602	Hyde
603	Wyatt
604	Pollard
605	Tran
606	Henry
607	Schwartz
608	Buckner
609	Macdonald
610	Hancock
611	Pacheco
612	Baird
613	Jenkins
614	Wilder
615	Martin
616	Hurley
617	Pennington
618	Walker
619	Moreno
620	Mcmahon
621	Munoz
622	Rios
623	Bartlett
624	Lang
625	Baxter
626	Norton
627	Wilcox
628	Glass
629	Bray
630	Sweet
631	James
632	Miller
633	Ewing
634	Estrada
635	King
636	Foster
637	Golden
638	Lambert
639	Howard
640	Thompson
641	Solis
642	Parsons
643	Hester
644	Fowler
645	Bradford
646	Bailey
647	Burris
648	Alston
649	Ross
650	Frye
651	Ashley
652	Jensen
653	Huffman
654	Frazier
655	Hobbs
656	Estes
657	Perkins
658	Nichols
659	Cote
660	Bennett
661	Dalton
662	Ellison
663	Hendrix
664	Slater
665	Gibson
666	Booth
667	Hart
668	Tyson
669	Acosta
670	Coleman
671	Byrd
672	Paul
673	Leblanc
674	Weiss
675	Rhodes
676	Erickson
677	Moody
678	Murphy
679	Ingram
680	Farrell
681	Harvey
682	Irwin
683	Harris
684	Lowery
685	Mcdowell
686	Pope
687	Beach
688	Pearson
689	Buchanan
690	Bullock
691	Aguirre
692	Good
693	Santos
694	Hopper
695	Olson
696	Lloyd
697	Davidson
698	David
699	Whitfield
700	Valentine
701	Boyd
702	Bentley
703	Doyle
704	Franks
705	Cruz
706	Collins
707	Becker
708	Wheeler
709	Shaffer
710	Flores
711	French
712	Camacho
713	Kirk
714	Harrell
715	Berg
716	Strickland
717	Rodriguez
718	Noble
719	Leach
720	Beard
721	Little
722	Gregory
723	Frederick
724	Ford
725	Guerra
726	Morales
727	Stanley
728	Case
729	Hewitt
730	Boone
731	Mckenzie
732	Wilkinson
733	Joyce
734	Vasquez
735	Henson
736	Higgins
737	Lara
738	Clarke
739	Kelly
740	Donovan
741	Sampson
742	Maldonado
743	Page
744	Randall
745	Casey
746	Mayo
747	Copeland
748	Branch
749	Small
750	Frank
751	Ellis
752	Nieves
753	Blevins
754	Patton
755	Cain
756	Raymond
757	Vega
758	Shelton
759	Barr
760	Jefferson
761	Massey
762	Suarez
763	Simpson
764	Odom
765	Bates
766	Cobb
767	Myers
768	Morrow
769	Gilmore
770	Bowers
771	Cline
772	Goff
773	Scott
774	Huff
775	Morse
776	Hopkins
777	Soto
778	Salas
779	Mckinney
780	Michael
781	Hanson
782	Giles
783	Castillo
784	Mack
785	Christian
786	Chase
787	Hale
788	Holcomb
789	Dickerson
790	Gilbert
791	Wilkerson
792	Cummings
793	Young
794	Hicks
795	Pace
796	Mccarthy
797	Steele
798	Sparks
799	Mooney
800	Oliver
801	Berry
802	Curtis
803	Langley
804	Rivas
805	Phillips
806	Rocha
807	Arnold
808	Schmidt
809	Jacobson
810	Glover
811	Levine
812	Trevino
813	Mcgee
814	Robbins
815	Beck
816	Meadows
817	Wilson
818	Pickett
819	Stokes
820	Armstrong
821	Santana
822	Miranda
823	Sykes
824	Kinney
825	Brooks
826	Frost
827	Fisher
828	Patel
829	Howell
830	Atkins
831	Mejia
832	Wade
833	Mcintyre
834	House
835	Hughes
836	Hernandez
837	Davenport
838	Wallace
839	Osborn
840	Grimes
841	Taylor
842	Glenn
843	Haley
844	Kelley
\.
ANALYZE "pg_temp"."sqlsynth_pool_2";
CREATE TEMP TABLE "sqlsynth_pool_3" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.text.word (1000 values)
COPY "pg_temp"."sqlsynth_pool_3" (k, v) FROM STDIN;
1	playstation
2	patterns
3	google
4	titles
5	dave
6	after
7	heaven
8	duties
9	board
10	mountain
11	reality
12	jonathan
13	tissue
14	ie
15	violence
16	levels
17	acrobat
18	recognition
19	missed
20	paul
21	bands
22	tt
23	tom
24	shell
25	earn
26	ridge
27	implement
28	soft
29	bonus
30	jefferson
31	consideration
32	factory
33	hang
34	most
35	remaining
36	spin
37	camps
38	kate
39	intent
40	must
41	wizard
42	requirement
43	providers
44	yard
45	roll
46	through
47	assessment
48	explained
49	anna
50	grant
51	peace
52	themselves
53	sb
54	dimension
55	paintings
56	though
57	helping
58	careers
59	wanted
60	bills
61	recognized
62	contest
63	percent
64	forgotten
65	gbp
66	strongly
67	relationships
68	curriculum
69	crop
70	tomorrow
71	probability
72	vhs
73	citizen
74	jury
75	brown
76	choose
77	er
78	bring
79	fm
80	lists
81	everyday
82	suites
83	singer
84	into
85	legacy
86	syndrome
87	behavior
88	kingdom
89	sean
90	restaurant
91	airlines
92	clearance
93	indonesia
94	consult
95	reach
96	aims
97	sql
98	morgan
99	moments
100	service
101	locked
102	common
103	join
104	priced
105	restore
106	donate
107	fi
108	interest
109	measuring
110	wins
111	carl
112	opinions
113	appeared
114	canadian
115	diamonds
116	total
117	eric
118	locations
119	cooking
120	sony
121	changed
122	marriage
123	errors
124	departments
125	suppose
126	opposition
127	awesome
128	jobs
129	fails
130	railway
131	provide
132	letter
133	onto
134	britney
135	announced
136	advice
137	carriers
138	sharp
139	constructed
140	four
141	husband
142	covered
143	statements
144	anonymous
145	talk
146	wa
147	lower
148	interfaces
149	rio
150	frequently
151	english
152	finding
153	involves
154	superior
155	programming
156	greg
157	awards
158	semester
159	pulse
160	operational
161	response
162	serves
163	glass
164	test
165	pack
166	weddings
167	suitable
168	html
169	edinburgh
170	induced
171	bt
172	how
173	exhibition
174	bulk
175	bought
176	lot
177	finance
178	limitations
179	santa
180	sponsors
181	former
182	bureau
183	pm
184	advisory
185	surface
186	certified
187	built
188	format
189	trade
190	boost
191	showing
192	gallery
193	unit
194	alert
195	testing
196	substantial
197	pr
198	been
199	loves
200	surveys
201	lion
202	recommend
203	organic
204	rick
205	stewart
206	bedroom
207	clerk
208	id
209	visitor
210	fit
211	responsibility
212	du
213	institutions
214	translate
215	technique
216	symbols
217	requiring
218	ce
219	sad
220	natural
221	ok
222	learn
223	eggs
224	louisiana
225	representatives
226	typical
227	prescription
228	perfume
229	annual
230	awareness
231	collect
232	might
233	buyer
234	poetry
235	use
236	judgment
237	square
238	ratings
239	der
240	bulgaria
241	care
242	thin
243	pool
244	clock
245	print
246	stupid
247	field
248	cds
249	international
250	ill
251	crimes
252	cutting
253	pizza
254	credits
255	saving
256	peak
257	transfers
258	online
259	cruises
260	sur
261	attitude
262	digital
263	fields
264	resulted
265	championship
266	samuel
267	donations
268	returns
269	sport
270	wells
271	com
272	obligations
273	contests
274	paperback
275	capacity
276	flow
277	ot
278	affiliated
279	farm
280	charlie
281	decision
282	estimated
283	reservation
284	repair
285	senior
286	century
287	telecom
288	shot
289	blogger
290	strip
291	vincent
292	amp
293	oakland
294	survival
295	deal
296	provider
297	invited
298	years
299	authors
300	iraq
301	beautiful
302	site
303	magazine
304	korean
305	license
306	easier
307	mt
308	downloads
309	conservative
310	pennsylvania
311	signals
312	investing
313	que
314	come
315	bandwidth
316	maria
317	birth
318	confirmation
319	properly
320	database
321	exit
322	bytes
323	opportunities
324	press
325	camcorder
326	steps
327	tiny
328	dogs
329	shipped
330	lady
331	occurs
332	practice
333	clause
334	expanded
335	palestinian
336	costs
337	fantastic
338	movie
339	loss
340	greece
341	interface
342	exception
343	habitat
344	terminal
345	amazing
346	basics
347	compared
348	forms
349	behalf
350	conclusion
351	why
352	resolved
353	goes
354	changing
355	usd
356	determination
357	mississippi
358	achieve
359	fans
360	naked
361	knew
362	spoke
363	deaths
364	chief
365	encyclopedia
366	rocks
367	insert
368	classroom
369	brings
370	broadband
371	die
372	tool
373	initiatives
374	next
375	hill
376	purchased
377	wants
378	novel
379	reports
380	worse
381	holds
382	website
383	orange
384	corrections
385	dealer
386	trunk
387	co
388	rack
389	width
390	jun
391	accommodations
392	colombia
393	mhz
394	victims
395	button
396	fresh
397	conditions
398	achieved
399	municipal
400	dollar
401	hampshire
402	portuguese
403	im
404	thesis
405	tops
406	sizes
407	accessory
408	cruise
409	maryland
410	requirements
411	domestic
412	messenger
413	owner
414	disorders
415	packs
416	hop
417	mailing
418	printer
419	dirty
420	december
421	opera
422	poland
423	quite
424	tennis
425	proposed
426	inches
427	qualifications
428	equipped
429	taught
430	more
431	reaction
432	panama
433	committee
434	gmt
435	self
436	limousines
437	garage
438	charged
439	swing
440	citizens
441	guidelines
442	continuing
443	computer
444	emergency
445	de
446	nasa
447	alice
448	collector
449	profit
450	impacts
451	aircraft
452	younger
453	watch
454	part
455	reg
456	magazines
457	processor
458	defendant
459	larger
460	tail
461	tv
462	commerce
463	fluid
464	perl
465	default
466	step
467	run
468	word
469	platinum
470	plugin
471	refund
472	php
473	louis
474	escape
475	living
476	access
477	fell
478	trademark
479	partial
480	ncaa
481	consultants
482	calendar
483	con
484	info
485	alternative
486	fighting
487	seasonal
488	az
489	their
490	consumer
491	shop
492	si
493	modes
494	modeling
495	hollywood
496	mills
497	ourselves
498	candy
499	cartoon
500	pointer
501	presentation
502	improved
503	broad
504	nothing
505	symptoms
506	just
507	relative
508	chosen
509	apartment
510	october
511	bigger
512	lock
513	jessica
514	innovation
515	adventures
516	comment
517	reason
518	dictionary
519	chemistry
520	dos
521	buffalo
522	trek
523	township
524	wish
525	consists
526	enjoy
527	workshop
528	task
529	anyone
530	rivers
531	song
532	lewis
533	limit
534	greatest
535	establish
536	town
537	machines
538	visa
539	dodge
540	adults
541	talent
542	boundary
543	subscribe
544	estimates
545	builder
546	monthly
547	donald
548	spread
549	entrance
550	dead
551	holiday
552	breakfast
553	pharmacy
554	ml
555	switzerland
556	recorder
557	ends
558	load
559	booking
560	sector
561	evans
562	posters
563	image
564	wilson
565	shoe
566	teaching
567	know
568	survey
569	purpose
570	need
571	adopted
572	internal
573	rain
574	ford
575	nsw
576	flu
577	during
578	develop
579	workforce
580	somewhere
581	wrote
582	interracial
583	associate
584	mint
585	housewares
586	ben
587	pad
588	oklahoma
589	trademarks
590	discharge
591	epson
592	plug
593	education
594	vice
595	constitutes
596	receive
597	tune
598	codes
599	benefit
600	olympic
601	piano
602	ones
603	selected
604	integration
605	mayor
606	descriptions
607	simon
608	mood
609	nationwide
610	beads
611	baltimore
612	to
613	motorola
614	shoes
615	receives
616	understanding
617	trans
618	publishers
619	age
620	on
621	wayne
622	moore
623	mexico
624	base
625	defined
626	pentium
627	conclusions
628	nearby
629	goto
630	http
631	assumes
632	products
633	child
634	fan
635	fund
636	designed
637	pe
638	dress
639	write
640	feel
641	seats
642	memorial
643	waters
644	casual
645	nintendo
646	submissions
647	since
648	entire
649	export
650	keywords
651	variation
652	wide
653	implementing
654	forum
655	top
656	tutorial
657	era
658	visited
659	soccer
660	gardening
661	flying
662	customize
663	newspaper
664	fe
665	protein
666	pace
667	serve
668	crm
669	rs
670	attractions
671	held
672	processed
673	speed
674	hats
675	winning
676	accessibility
677	pre
678	personally
679	column
680	voluntary
681	only
682	matching
683	barry
684	val
685	historical
686	ks
687	ext
688	specifically
689	dance
690	vary
691	mg
692	wrestling
693	is
694	store
695	transit
696	securities
697	apparently
698	shirt
699	contractors
700	vancouver
701	ecommerce
702	mutual
703	mercedes
704	announcements
705	constitutional
706	narrow
707	bathroom
708	tourism
709	stop
710	regarding
711	carter
712	css
713	bible
714	nice
715	cst
716	lots
717	lycos
718	divorce
719	metal
720	references
721	uniform
722	monster
723	editions
724	pci
725	tab
726	participation
727	special
728	fourth
729	baker
730	poems
731	confirmed
732	convenience
733	stages
734	meal
735	iowa
736	duration
737	year
738	tracked
739	two
740	longer
741	hold
742	byte
743	gary
744	relation
745	placement
746	morris
747	eastern
748	usr
749	cover
750	producer
751	tropical
752	specialists
753	discuss
754	cloudy
755	specifications
756	seems
757	row
758	rated
759	recent
760	vbulletin
761	rank
762	from
763	conventional
764	systems
765	ltd
766	instruction
767	dark
768	detailed
769	gnome
770	trail
771	boots
772	hit
773	political
774	tank
775	grass
776	salt
777	take
778	lamps
779	robot
780	citysearch
781	xhtml
782	lawyers
783	jewellery
784	failure
785	sacramento
786	beer
787	formal
788	michelle
789	lg
790	ups
791	cable
792	mobile
793	discipline
794	ease
795	blue
796	leaf
797	for
798	trial
799	harvard
800	logos
801	lives
802	shoot
803	thus
804	lincoln
805	match
806	console
807	stable
808	review
809	lung
810	actors
811	evil
812	phone
813	woods
814	type
815	blvd
816	examination
817	long
818	public
819	pearl
820	disorder
821	glasgow
822	log
823	crack
824	pa
825	bookstore
826	catholic
827	counters
828	tight
829	null
830	roger
831	radio
832	were
833	robert
834	teams
835	lands
836	northeast
837	checks
838	maintenance
839	const
840	bc
841	reception
842	reporter
843	sense
844	pulled
845	strike
846	nursing
847	wise
848	doctors
849	tax
850	pan
851	attempt
852	guaranteed
853	tell
854	nuclear
855	establishment
856	trust
857	pick
858	processing
859	taking
860	depression
861	refinance
862	keeps
863	ta
864	usual
865	arrangements
866	somebody
867	successfully
868	offline
869	washington
870	offered
871	solo
872	twelve
873	objects
874	mechanisms
875	wireless
876	nurses
877	writer
878	violent
879	numerous
880	brought
881	appreciate
882	nobody
883	technical
884	telecommunications
885	arkansas
886	schemes
887	offices
888	ended
889	tin
890	men
891	totals
892	disk
893	blind
894	iii
895	tonight
896	running
897	pin
898	sugar
899	cry
900	pet
901	translation
902	bike
903	meets
904	observations
905	hewlett
906	deutsch
907	jason
908	divided
909	right
910	frequency
911	architecture
912	comes
913	transactions
914	whose
915	listening
916	emails
917	simpson
918	engine
919	orlando
920	historic
921	in
922	stadium
923	put
924	cup
925	cam
926	sale
927	jokes
928	converted
929	brass
930	catch
931	marked
932	ghz
933	poker
934	then
935	trailer
936	failed
937	birds
938	tube
939	ships
940	kept
941	chance
942	compensation
943	microsoft
944	automatic
945	battery
946	hosting
947	however
948	pass
949	search
950	threads
951	admission
952	decor
953	wet
954	algorithm
955	ring
956	claims
957	madison
958	players
959	save
960	post
961	kim
962	messages
963	ten
964	brokers
965	amd
966	dsl
967	injury
968	challenges
969	plan
970	florida
971	process
972	revenues
973	boy
974	mercury
975	happening
976	textbooks
977	clinical
978	games
979	skype
980	blow
981	difference
982	earth
983	faster
984	missouri
985	old
986	when
987	danger
988	allen
989	dildos
990	cap
991	ending
992	diary
993	census
994	drives
995	realize
996	searching
997	gear
998	rose
999	anniversary
1000	study
\.
ANALYZE "pg_temp"."sqlsynth_pool_3";
CREATE TEMP TABLE "sqlsynth_pool_4" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.address.country (250 values)
COPY "pg_temp"."sqlsynth_pool_4" (k, v) FROM STDIN;
1	Azerbaijan
2	St. Pierre & Miquelon
3	El Salvador
4	Mexico
5	Cambodia
6	Iceland
7	Papua New Guinea
8	Palau
9	Thailand
10	Brunei
11	Turkmenistan
12	Laos
13	Belgium
14	Estonia
15	Vietnam
16	Netherlands
17	Kiribati
18	Åland Islands
19	Antigua & Barbuda
20	Oman
21	Montenegro
22	Myanmar
23	French Guiana
24	Tunisia
25	Timor-Leste
26	Burkina Faso
27	Switzerland
28	Christmas Island
29	Andorra
30	Belarus
31	Armenia
32	Guernsey
33	St. Helena
34	Antarctica
35	San Marino
36	British Virgin Islands
37	Lithuania
38	Japan
39	Curaçao
40	China
41	Congo - Kinshasa
42	São Tomé & Príncipe
43	Madagascar
44	Macedonia
45	Sudan
46	Bangladesh
47	Uzbekistan
48	Gibraltar
49	Bosnia & Herzegovina
50	South Georgia & South Sandwich Islands
51	Kuwait
52	Trinidad & Tobago
53	Jordan
54	Gambia
55	Jersey
56	Saudi Arabia
57	Burundi
58	Nigeria
59	Martinique
60	Georgia
61	Monaco
62	Spain
63	Eritrea
64	U.S. Virgin Islands
65	Guyana
66	Greece
67	North Korea
68	Belize
69	Ukraine
70	Indonesia
71	Macau SAR China
72	Jamaica
73	Côte d’Ivoire
74	Serbia
75	Albania
76	Canary Islands
77	Liechtenstein
78	Bulgaria
79	Czech Republic
80	Guatemala
81	Rwanda
82	Suriname
83	Libya
84	Sri Lanka
85	Sint Maarten
86	Austria
87	Paraguay
88	Swaziland
89	Kenya
90	Guadeloupe
91	Réunion
92	Namibia
93	Svalbard & Jan Mayen
94	Guinea
95	Nepal
96	Montserrat
97	Slovenia
98	Tokelau
99	British Indian Ocean Territory
100	Palestinian Territories
101	Norfolk Island
102	Qatar
103	Niger
104	Barbados
105	Morocco
106	U.S. Outlying Islands
107	Senegal
108	Northern Mariana Islands
109	St. Vincent & Grenadines
110	Western Sahara
111	Cocos
112	Philippines
113	Kyrgyzstan
114	Central African Republic
115	Hong Kong SAR China
116	Tajikistan
117	Argentina
118	Caribbean Netherlands
119	Guam
120	South Africa
121	Ireland
122	Chile
123	Malta
124	Maldives
125	Germany
126	Equatorial Guinea
127	Algeria
128	Mayotte
129	New Zealand
130	Turks & Caicos Islands
131	Kazakhstan
132	Costa Rica
133	Somalia
134	Guinea-Bissau
135	Mozambique
136	Puerto Rico
137	Italy
138	Liberia
139	Ascension Island
140	Pakistan
141	Congo - Brazzaville
142	Lesotho
143	Yemen
144	Russia
145	Bhutan
146	Tonga
147	Zimbabwe
148	French Southern Territories
149	Haiti
150	Hungary
151	Bolivia
152	South Korea
153	Moldova
154	Nicaragua
155	Iraq
156	Peru
157	Grenada
158	Diego Garcia
159	Kosovo
160	Ceuta & Melilla
161	Bahamas
162	Tuvalu
163	Taiwan
164	Mongolia
165	Angola
166	India
167	Ghana
168	St. Kitts & Nevis
169	Fiji
170	Comoros
171	Dominican Republic
172	Faroe Islands
173	United States
174	Pitcairn Islands
175	Sierra Leone
176	Marshall Islands
177	Aruba
178	Isle of Man
179	St. Barthélemy
180	Romania
181	New Caledonia
182	Latvia
183	Wallis & Futuna
184	Cayman Islands
185	Afghanistan
186	Botswana
187	Tanzania
188	Poland
189	Egypt
190	Cameroon
191	Djibouti
192	Samoa
193	St. Lucia
194	Cook Islands
195	Tristan da Cunha
196	Uganda
197	Israel
198	Honduras
199	Norway
200	United Arab Emirates
201	Uruguay
202	Seychelles
203	St. Martin
204	Dominica
205	Nauru
206	Croatia
207	Falkland Islands
208	Anguilla
209	Benin
210	Mali
211	United Kingdom
212	Greenland
213	France
214	Zambia
215	American Samoa
216	Colombia
217	Mauritius
218	Luxembourg
219	Malawi
220	Gabon
221	Bermuda
222	Sweden
223	Brazil
224	Australia
225	Micronesia
226	Cyprus
227	Panama
228	Togo
229	Singapore
230	Cape Verde
231	Malaysia
232	Ecuador
233	French Polynesia
234	Portugal
235	Vanuatu
236	Turkey
237	Denmark
238	South Sudan
239	Chad
240	Finland
241	Slovakia
242	Venezuela
243	Syria
244	Ethiopia
245	Mauritania
246	Solomon Islands
247	Vatican City
248	Lebanon
249	Bahrain
250	Cuba
\.
ANALYZE "pg_temp"."sqlsynth_pool_4";
CREATE TEMP TABLE "sqlsynth_pool_5" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.address.city (832 values)
COPY "pg_temp"."sqlsynth_pool_5" (k, v) FROM STDIN;
1	Penryn
2	Wells next the Sea
3	Lampeter
4	Sheringham
5	Warwick
6	Newry
7	Derby
8	Devizes
9	Yeadon
10	Staines
11	Halesowen
12	Farnborough
13	Redditch
14	Eastwood
15	Bala
16	Johnstone
17	Banbridge
18	Corbridge
19	Portadown
20	Chelmsford
21	Widnes
22	Falmouth
23	Camborne
24	Ayr
25	Neston
26	City of London
27	Lincoln
28	Blackpool
29	Cupar
30	Withernsea
31	Haddington
32	Selkirk
33	Manningtree
34	Neath
35	Eye
36	Ludlow
37	Letchworth
38	Orpington
39	Leicester
40	Milford Haven
41	Port Talbot
42	Rhayader
43	Builth Wells
44	Darwen
45	Canterbury
46	Romford
47	Weymouth
48	Preston
49	Southam
50	Montgomery
51	Stirling
52	Nailsea
53	Narberth
54	Falkland
55	Somerton
56	Downham Market
57	Burford
58	Wolverhampton
59	Cullen
60	Penzance
61	Birmingham
62	Workington
63	Retford
64	Royston
65	Bristol
66	Barnard Castle
67	Forres
68	Bedford
69	Rotherham
70	Inverness
71	Thornbury
72	Great Yarmouth
73	Bath
74	Deal
75	Marlow
76	Llanwrtyd Wells
77	Normanton
78	Saltcoats
79	Keynsham
80	Aylsham
81	Newtownabbey
82	Portishead
83	Sandbach
84	Hexham
85	Westminster
86	Hucknall
87	Oban
88	Oxford
89	Bushmills
90	East Kilbride
91	Hemel Hempstead
92	Bungay
93	Chatteris
94	Lewes
95	Wigtown
96	Gourock
97	Peterlee
98	Sunderland
99	Otley
100	Lerwick
101	Biggar
102	Ilkley
103	Greenock
104	Epsom
105	South Molton
106	Wrexham
107	Kilbarchan
108	Mansfield
109	Brackley
110	Wincanton
111	Lichfield
112	Blackheath
113	Totton
114	Bromsgrove
115	Pitlochry
116	Saxmundham
117	Camelford
118	Brighouse
119	Sidmouth
120	Oldmeldrum
121	Lostwithiel
122	Westbury
123	Barnet
124	Dumbarton
125	Bawtry
126	Ledbury
127	Evesham
128	Bathgate
129	Hebden Bridge
130	Bacup
131	Chipping Campden
132	Plymouth
133	Hamilton
134	Dumfries
135	Midsomer Norton
136	Tilbury
137	Alston
138	Crumlin
139	Hove
140	Chester
141	Monmouth
142	Armagh
143	Painswick
144	Brighton and Hove
145	Southwell
146	Salisbury
147	Edenbridge
148	Ilminster
149	Enniskillen
150	Ballynahinch
151	Carlisle
152	Skipton
153	Holsworthy
154	Wadebridge
155	Aberaeron
156	Penistone
157	Saintfield
158	Witham
159	Woburn
160	Windermere
161	Nottingham
162	Wombwell
163	Llandudno
164	Cowes
165	Gloucester
166	Kinross
167	Stockport
168	Alford
169	Bicester
170	Nuneaton
171	Moffat
172	Dartmouth
173	Shoreham by Sea
174	Horwich
175	Kintore
176	Filey
177	Portsmouth
178	Failsworth
179	Fowey
180	Knaresborough
181	Chesham
182	Grays
183	Tobermory
184	Cowbridge
185	Bracknell
186	Chorley
187	Newbury
188	Porth
189	Cardiff
190	Denbigh
191	Lisburn
192	Beverley
193	Ammanford
194	Newcastle Emlyn
195	Coggeshall
196	Towcester
197	Bideford
198	Tadcaster
199	Leominster
200	Cromer
201	High Wycombe
202	Ruthin
203	Ramsgate
204	Dunfermline
205	Nailsworth
206	Rhuddlan
207	Oswestry
208	Cambridge
209	Yateley
210	Denton
211	Rye
212	Newent
213	Westhoughton
214	Barry
215	Okehampton
216	Polegate
217	Sevenoaks
218	Fraserburgh
219	Kingston upon Hull
220	Coleraine
221	Tring
222	Thetford
223	Leek
224	Brentwood
225	Morecambe
226	Hornsea
227	Lyme Regis
228	Newton Aycliffe
229	Bakewell
230	Northwich
231	Presteigne
232	Bromyard
233	Castle Douglas
234	Barrow in Furness
235	Kingussie
236	Tenterden
237	Torquay
238	Bebington
239	Burgess Hill
240	Ashburton
241	Felixstowe
242	Bury
243	Broadstairs
244	Newton Abbot
245	Thrapston
246	Bridgnorth
247	Haywards Heath
248	Budleigh Salterton
249	Ballymoney
250	Richmond
251	Frome
252	Wakefield
253	Beeston
254	Dundee
255	Framlingham
256	Accrington
257	Settle
258	Forfar
259	Leven
260	Hatfield
261	Cirencester
262	South Woodham Ferrers
263	Fintona
264	Whitnash
265	Dover
266	Harpenden
267	Saffron Walden
268	Leatherhead
269	Holyhead
270	Matlock
271	Sudbury
272	York
273	Appleby in Westmorland
274	Smethwick
275	Bridlington
276	Stranraer
277	Skelmersdale
278	Swansea
279	Markethill
280	Church Stretton
281	Lynton
282	Basingstoke
283	Eastleigh
284	Whitchurch
285	Llandovery
286	Londonderry
287	Yate
288	Middlesbrough
289	Caernarfon
290	Rochdale
291	Bellshill
292	Cleethorpes
293	Keith
294	Peterhead
295	Axminster
296	Lydney
297	Coventry
298	Horncastle
299	Moretonhampstead
300	Bletchley
301	Llantwit Major
302	Sutton Coldfield
303	Milngavie
304	Gosport
305	Burnley
306	Bude
307	Wem
308	Cullompton
309	Howden
310	Falkirk
311	Gorseinon
312	Charlbury
313	Killyleagh
314	Berkhamsted
315	Salford
316	Dursley
317	Colchester
318	Shipston on Stour
319	Callander
320	Crieff
321	Havant
322	Newcastle upon Tyne
323	Halifax
324	Market Deeping
325	Lancaster
326	Woking
327	Caldicot
328	Clitheroe
329	Bloxwich
330	Oakham
331	Burnham on Crouch
332	Wokingham
333	Sherborne
334	Dungannon
335	Peterborough
336	Penrith
337	Bearsden
338	Ripon
339	Aylesbury
340	Sleaford
341	Pocklington
342	Shanklin
343	Barnstaple
344	Chipping Sodbury
345	Willenhall
346	Kirkham
347	Littlehampton
348	Melton Mowbray
349	Alloa
350	Hertford
351	Needham Market
352	Newton Stewart
353	Ballymena
354	Wick
355	Bridport
356	Fishguard
357	Marlborough
358	Swanage
359	Kidderminster
360	Ventnor
361	Tiverton
362	Wickford
363	Sandwich
364	Bridge of Allan
365	Limavady
366	Warrenpoint
367	Eastbourne
368	Wootton Bassett
369	West Bromwich
370	Middleham
371	Rostrevor
372	Truro
373	Morpeth
374	Lisnaskea
375	Potton
376	Grimsby
377	Castlederg
378	Newtownards
379	Congleton
380	Pickering
381	Belfast
382	Carluke
383	Prestatyn
384	Christchurch
385	Bedale
386	Bolton
387	Adlington
388	Huntly
389	Tywyn
390	Heathfield
391	Kirriemuir
392	Monifieth
393	Ringwood
394	Blaenau Ffestiniog
395	Morley
396	Flint
397	Buckingham
398	Saltash
399	Dalkeith
400	Winchester
401	Spennymoor
402	Launceston
403	Hitchin
404	Dolgellau
405	Abingdon
406	North Walsham
407	Waltham Cross
408	Oldbury
409	Hereford
410	Maybole
411	Crawley
412	Aberystwyth
413	Bodmin
414	Pittenweem
415	Whaley Bridge
416	Blandford Forum
417	Inverurie
418	Kirkwall
419	Melrose
420	Strabane
421	Newport on Tay
422	Kesgrave
423	Omagh
424	Rugby
425	Haslemere
426	Horley
427	Herne Bay
428	Battle
429	Buntingford
430	Farnworth
431	Tewkesbury
432	Washington
433	Bexhill on Sea
434	Helston
435	Southsea
436	Doncaster
437	Aberfeldy
438	Penarth
439	Wednesbury
440	Swanley
441	Kington
442	Lochgilphead
443	Troon
444	Chippenham
445	Ashington
446	Ely
447	Bradford on Avon
448	Merthyr Tydfil
449	Thirsk
450	Liverpool
451	Dartford
452	Shrewsbury
453	Rochester
454	Magherafelt
455	Arbroath
456	Duns
457	Peebles
458	Ossett
459	Prudhoe
460	Strood
461	Lowestoft
462	Slough
463	Aberdeen
464	Esher
465	Market Rasen
466	Soham
467	Ormskirk
468	Pontefract
469	Brighton
470	Stowmarket
471	Trowbridge
472	Campbeltown
473	Holmfirth
474	Rothbury
475	Ipswich
476	Sedgefield
477	Kinghorn
478	Carnforth
479	Redruth
480	Brixham
481	Fivemiletown
482	Frodsham
483	Huntingdon
484	Aldridge
485	Malton
486	Cardigan
487	Newport Pagnell
488	Beccles
489	Gainsborough
490	Kirkcaldy
491	Ballycastle
492	Walton on the Naze
493	Lossiemouth
494	Antrim
495	Cinderford
496	Edinburgh
497	Castleford
498	Wigston
499	Bangor
500	Rowley Regis
501	Uppingham
502	Bedworth
503	Cumbernauld
504	Louth
505	Calne
506	Wendover
507	Portstewart
508	Hythe
509	Tain
510	Chard
511	Carnoustie
512	Grantham
513	Buckley
514	Minehead
515	Romsey
516	Wallasey
517	Kelso
518	Ashbourne
519	Liskeard
520	Hawarden
521	Abergavenny
522	Montrose
523	Perth
524	Crowborough
525	Rochford
526	Dunoon
527	Castlewellan
528	Wells
529	Cheshunt
530	Newport
531	Totnes
532	Henley on Thames
533	Alsager
534	Epping
535	Abertillery
536	Pudsey
537	Jarrow
538	Long Eaton
539	Shepshed
540	Spalding
541	Rothesay
542	Holywell
543	Norwich
544	Market Weighton
545	Welwyn Garden City
546	Bognor Regis
547	Blackburn
548	Tregaron
549	Weybridge
550	Caerphilly
551	Sheffield
552	Stroud
553	Folkestone
554	Bingham
555	New Mills
556	Lurgan
557	Newquay
558	Shaftesbury
559	Stoke-on-Trent
560	Chipping Norton
561	Yeovil
562	Porthmadog
563	Llantrisant
564	Teignmouth
565	Hinckley
566	Dunblane
567	Looe
568	Whitworth
569	Worthing
570	Biggleswade
571	Bridgend
572	Stafford
573	Grangemouth
574	Portaferry
575	Gateshead
576	Llandeilo
577	Whitley Bay
578	Manchester
579	Carmarthen
580	Paignton
581	Swadlincote
582	Alnwick
583	Farnham
584	Dorking
585	Moreton in Marsh
586	Wantage
587	Petworth
588	Halesworth
589	Clydebank
590	Coalisland
591	Kirkby Lonsdale
592	Dronfield
593	Oundle
594	Hyde
595	Didcot
596	Wisbech
597	Kirkby
598	Hoddesdon
599	Llanrwst
600	Brigg
601	Poole
602	Kendal
603	Bradley Stoke
604	Verwood
605	Stockton on Tees
606	Keighley
607	Borehamwood
608	Bollington
609	Selby
610	Godmanchester
611	Market Drayton
612	Innerleithen
613	Newhaven
614	Ilford
615	Randalstown
616	Tamworth
617	Staveley
618	Tillicoultry
619	Seaford
620	Laurencekirk
621	Bradford
622	Grantown on Spey
623	Taunton
624	Luton
625	Hadleigh
626	Erith
627	Bedlington
628	Loughton
629	Padstow
630	Betws y Coed
631	Cleckheaton
632	Aberdare
633	Woodbridge
634	Newcastle
635	Whitby
636	Prescot
637	Chichester
638	Brecon
639	Witney
640	Cookstown
641	Ampthill
642	Weston super Mare
643	Galashiels
644	Todmorden
645	Rayleigh
646	Lymington
647	Rutherglen
648	Aldeburgh
649	Wadhurst
650	Irthlingborough
651	Scunthorpe
652	Airdrie
653	Walsall
654	Crowthorne
655	Ryde
656	Harrogate
657	Donaghadee
658	Nairn
659	Guildford
660	Burry Port
661	Annan
662	Barmouth
663	Crediton
664	Warrington
665	Southend on Sea
666	Dereham
667	Warminster
668	Porthcawl
669	Clacton on Sea
670	Banff
671	Daventry
672	Banchory
673	Flitwick
674	Winsford
675	Aldershot
676	Malvern
677	Heanor
678	Stevenage
679	Oldham
680	Criccieth
681	Lockerbie
682	Ballater
683	Rushden
684	Jedburgh
685	Abergele
686	Stratford upon Avon
687	Darlington
688	Crickhowell
689	Beaconsfield
690	Poulton le Fylde
691	Yarmouth
692	Caistor
693	Durham
694	Colwyn Bay
695	Coalville
696	Kettering
697	Southwold
698	Keswick
699	Mold
700	Rugeley
701	Houghton le Spring
702	Coatbridge
703	Highworth
704	South Shields
705	Bournemouth
706	Banbury
707	Wallingford
708	Driffield
709	Midhurst
710	Sandy
711	Faringdon
712	Wigan
713	Uttoxeter
714	Burntisland
715	Ripley
716	Barnsley
717	Bradninch
718	Dukinfield
719	Crayford
720	Beaumaris
721	Arundel
722	Dinnington
723	Biddulph
724	Paisley
725	Tavistock
726	Shildon
727	Fordingbridge
728	Ellesmere Port
729	Olney
730	Buckie
731	Corby
732	Haverfordwest
733	Conwy
734	Irvine
735	Milton Keynes
736	Linlithgow
737	Boston
738	Woodstock
739	Newmarket
740	Barnoldswick
741	Cwmbran
742	Glossop
743	Sittingbourne
744	Colne
745	Huddersfield
746	Pembroke
747	Northallerton
748	Ebbw Vale
749	Usk
750	Fleet
751	Chester le Street
752	Ashton in Makerfield
753	Higham Ferrers
754	Sandown
755	Dunbar
756	Macclesfield
757	Ulverston
758	Thaxted
759	Haltwhistle
760	Kirkcudbright
761	Redhill
762	Bridgwater
763	Malmesbury
764	Sutton in Ashfield
765	Ilfracombe
766	Knutsford
767	Buckfastleigh
768	Bourne
769	Leamington Spa
770	Elgin
771	Longridge
772	Spilsby
773	Maesteg
774	Tenby
775	Bootle
776	Hoylake
777	Droylsden
778	Mexborough
779	Kingsbridge
780	Ross on Wye
781	Sandhurst
782	Chepstow
783	Ashby de la Zouch
784	Shepton Mallet
785	Wareham
786	Tonbridge
787	Waltham Abbey
788	Dornoch
789	Lydd
790	Kempston
791	Stamford
792	Market Harborough
793	Tunbridge Wells
794	Faversham
795	Heswall
796	Largs
797	Haverhill
798	Talgarth
799	Glasgow
800	Lanark
801	Llanelli
802	Hailsham
803	Portrush
804	Hartlepool
805	Laugharne
806	Carrickfergus
807	Kilwinning
808	Exeter
809	Solihull
810	Fleetwood
811	Amesbury
812	Burntwood
813	Dingwall
814	Mablethorpe
815	Welshpool
816	Cheltenham
817	Southport
818	Blyth
819	Knighton
820	Basildon
821	Wetherby
822	Winslow
823	Glastonbury
824	Ballyclare
825	Fort William
826	Hungerford
827	St Albans
828	Scarborough
829	Burton Latimer
830	Yarm
831	Maidstone
832	Inverkeithing
\.
ANALYZE "pg_temp"."sqlsynth_pool_5";
CREATE TEMP TABLE "sqlsynth_pool_6" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.address.address (1000 values)
COPY "pg_temp"."sqlsynth_pool_6" (k, v) FROM STDIN;
1	1004 Duntibryan Row
2	1220 Fairhead Turnpike
3	817 Brunswick Green
4	1260 Castlehume Canyon
5	340 Foughillotra Creek
6	715 Irvines Annex
7	837 Ladybrook Gardens
8	705 Kurin Turnpike
9	342 Eastview Landing
10	19 Drumawill Row
11	136 Cheltenham Bridge
12	450 Boundary Parkway
13	576 Craigtara Motorway
14	782 Devesky Gardens
15	1175 Canberra Highway
16	598 Drumcraig Stravenue
17	1232 Caherty Pass
18	355 Brewery Mall
19	1138 Drumnagalliagh Bend
20	4 Loughbracken Arcade
21	1296 Innishmoyne Canyon
22	523 Islandmacallion Shore
23	543 Bartley Route
24	500 Ferone Rapids
25	732 Drumwhinny Ranch
26	1374 Aughnavallog Glen
27	531 Hollywood Center
28	144 Darling Highway
29	702 Hillmount Point
30	789 Killykergan Lodge
31	276 Ballintogher Gardens
32	757 Brandra Viaduct
33	1132 Killyclowny Place
34	760 Bridgewater Creek
35	265 Hopecroft Walk
36	766 Lisvarna Court
37	44 Drummond Mall
38	894 Killala Stravenue
39	1007 Ballyrogan Loop
40	621 Gawn Annex
41	572 Barban Mall
42	91 Fruitvalley Point
43	1277 Edengrove Pine
44	189 Grange Street
45	635 Bonecastle Lake
46	1306 Lecale Cove
47	1188 Ballytroddan Trace
48	415 Curr Mews
49	585 Ballynaris Run
50	1218 Gortavale Square
51	294 Ballynalack Road
52	1248 Bird Avenue
53	506 Fendale Street
54	1045 Ballyartan Crescent
55	247 Ballydonnell Alley
56	1041 Killycurry Grove
57	1359 Chestnut Bend
58	375 Dundrod Garden
59	391 Drumgose Freeway
60	808 Fourth Parkway
61	818 Lisadell Run
62	1129 Casements Hills
63	1356 Ballynure Shore
64	743 Greenfield Expressway
65	1081 Dunderg Shore
66	1359 Doocrock Freeway
67	1026 Knocknagreana Trace
68	1302 Glenchiel Square
69	917 Hopecroft Manor
70	506 Killaney Route
71	299 Formil Place
72	1251 Corcreevy Bypass
73	728 Cedarhill Extension
74	88 Castlewarren Crossing
75	67 Drumslade Alley
76	508 Clabby Junction
77	1023 Bunnisnagapple Stravenue
78	326 Kirkmichael Landing
79	1009 Browning Freeway
80	469 Gravelhill Walk
81	210 Donaghadee Alley
82	423 Crosby Pine
83	458 Keelmount Lodge
84	86 Crimea Avenue
85	97 Corban Pine
86	585 Cavanreagh Bridge
87	891 Dundalk Avenue
88	1103 Clonfeacle Turnpike
89	1160 King Trace
90	1209 Dunlyn Green
91	893 Finlieve Annex
92	838 Brockagh Circle
93	1123 Edendell Arcade
94	350 Corlaght Junction
95	802 Feumore Viaduct
96	806 Glebetown Square
97	1120 Killeaton Bypass
98	584 Brackaghreilly Street
99	345 Drumharriff Freeway
100	1098 Lenaderg Grove
101	127 Kilbegs Loop
102	1381 Elizabeth Junction
103	231 Hibernia Hills
104	679 Chaine Expressway
105	1181 Corlea Cove
106	637 Donaghadee Grove
107	982 Knockagh Garden
108	1315 Drumflugh Station
109	520 Douglas Ranch
110	28 Bel-air Bayou
111	418 Brian Pass
112	1179 Castlebane Stravenue
113	224 Lisnasure Path
114	993 Cahore Junction
115	528 Cooks Trace
116	332 Cooke Annex
117	1008 Duncairn Route
118	368 Burnreagh Trace
119	969 Kilberry Annex
120	1377 Deer Lake
121	930 Lisboy Mews
122	871 Drumannon Mews
123	754 Dorsy Bayou
124	853 Douglas Alley
125	608 Ballylig Avenue
126	311 Leverogue Stravenue
127	353 Greenridge Heights
128	1106 Dargan Landing
129	535 Derrycoole Lane
130	360 Bunnisnagapple Rapids
131	453 Edgehill Lane
132	945 Bensons Center
133	119 Killeeshill Canyon
134	507 Kerry Garden
135	1238 Finnebrogue Grove
136	243 Drumcru Garden
137	550 Carndreen Pass
138	791 Ballyoran Terrace
139	905 Blakes Route
140	1108 Gloverstown Gardens
141	879 Goldsmith Grove
142	632 Cavanapole Lake
143	618 Doohat Grove
144	376 Hatfield Landing
145	1142 Edenavaddy Estate
146	946 Jura Garden
147	480 Julia Viaduct
148	183 Beulah Parkway
149	115 Blythe Landing
150	1143 Foxborough Avenue
151	498 Brookvale Landing
152	86 Dunboyne Pike
153	1230 Caw Grove
154	414 Findon Shore
155	961 Gardiners Heights
156	780 Drennans Rapids
157	440 Craigaveen Row
158	969 Joymount Bayou
159	569 Coagh Crescent
160	1150 Bankhall Highway
161	304 Carraigh Center
162	1158 Breenvale Crossing
163	1068 Knocknagin Arcade
164	151 Bootle Parkway
165	675 Derrybard Stravenue
166	1216 Henry Gardens
167	858 Desmond Lane
168	1321 Brackenhill Center
169	404 Cashelmore Ferry
170	1148 Ballybrolly Pike
171	482 Dunleath Bridge
172	698 Conluce Viaduct
173	1374 Gortdale Mall
174	485 Churchview Glen
175	66 Camlin Road
176	1035 Garvary Hills
177	290 Gray's Square
178	876 Drumnabey Field
179	1191 Kidds Square
180	1301 Clonard Run
181	260 Drumsavage Lake
182	184 Dunteige Manor
183	1345 Kilnarainey Ranch
184	677 Kilbroney Green
185	970 Clones Walk
186	772 Courtney Expressway
187	34 Flora Rapids
188	456 Desertlyn Avenue
189	1225 Druminally Lake
190	560 Connaghty Glen
191	749 Crossnamuckley Crescent
192	276 Liggins Lake
193	299 Kilmacrew Highway
194	487 Craiganee Crescent
195	37 Avonmere Turnpike
196	446 Chartwell Avenue
197	568 Derrygowan Walk
198	1300 Cotterhill Run
199	1209 Carrive Garden
200	245 Dunseark Trail
201	111 Islandbawn Cove
202	1121 Loguestown Row
203	64 Carshaulton Spur
204	762 Blacksessiagh Hills
205	613 Edenview Arcade
206	8 Graysfield Ferry
207	1364 Heatherdale Ferry
208	900 Ballynashee Mews
209	1105 Ballynagilly Circle
210	1092 Lawford Route
211	550 Leamount Field
212	1256 Dairyvale Pass
213	1389 Fernisky Point
214	850 Curran Lake
215	884 Knockgreenan Parkway
216	190 Kinnyglass Lake
217	1045 Glasgort Terrace
218	634 Gresham Loop
219	922 Glencorran Square
220	800 Bleary Manor
221	398 Ballindarragh Run
222	881 Glenhone Arcade
223	619 Bowtown Extension
224	541 Beaver Bypass
225	686 Cairnbeg Glen
226	485 Henly Circle
227	597 Cloughan Parkway
228	652 Chatham Ranch
229	1370 Edergoole Stravenue
230	646 Coolderry Mews
231	662 Ballyrussell Crossing
232	611 Falcon Glen
233	506 Feegarron Point
234	1087 Currin Trail
235	845 Fernmount Bayou
236	9 Davarr Pass
237	670 Killead Mews
238	918 Courtauld Glen
239	908 Kilfeaghan Gardens
240	1166 Ballygunaghan Manor
241	1276 Disert Circle
242	139 Cedar Viaduct
243	1106 Hampton Manor
244	1318 Carrowvanny Estate
245	1368 Downings Freeway
246	480 Forsters Annex
247	467 Campbell Landing
248	1045 Delhi Route
249	507 Fourtowns Expressway
250	262 Beechfield Grove
251	367 Ballynahatty Expressway
252	587 Chiswick Place
253	1294 Clonalon Viaduct
254	193 Kilwilke Shore
255	690 Barnet Cove
256	782 Glendowan Stravenue
257	30 Colinpark Place
258	538 Haig Stravenue
259	739 Lenaderg Bridge
260	130 Desart Viaduct
261	136 Liska Terrace
262	1367 Euston Lake
263	418 Lestannon Green
264	1045 Jocelyn Square
265	15 Down Viaduct
266	1061 Brogies Field
267	468 Ballynahone Mall
268	689 Gosford Path
269	470 Corick Mews
270	484 Craigbrack Parkway
271	80 Berry Parkway
272	361 Druids Terrace
273	750 Lisnagleer Ferry
274	1369 Gortahar Heights
275	645 Inishargy Center
276	21 Forge Path
277	1345 Edgcumbe Turnpike
278	439 Chequer Lake
279	854 Greenisland Loop
280	399 Claremont Route
281	686 Fife Court
282	1383 Crosby Estate
283	316 Blackisland Expressway
284	771 Blondin Grove
285	558 Gargrim Manor
286	149 Cole Heights
287	336 Brien Avenue
288	557 Ballindarragh Lane
289	941 Cheadle Mews
290	495 Garnerville Manor
291	709 Kildoag Expressway
292	1054 Linen Hills
293	1353 Ballylennan Hill
294	960 Drumagarner Cove
295	537 Ballymagarry Drive
296	475 Drumboniff Street
297	1072 Barranderry Station
298	1324 Ballyemon Extension
299	1100 Ebrington Square
300	806 Creevekeeran Square
301	573 Kurin Canyon
302	18 Hunter's Freeway
303	431 Duncan Lake
304	125 Corradinna Junction
305	49 Courtauld Station
306	784 Aughan Parkway
307	1169 Crea Bend
308	546 Crubinagh Center
309	197 Glenaulin Bend
310	1178 Hannas Rapids
311	1061 Ballyregan Lake
312	47 Cavan Viaduct
313	787 Dunover Expressway
314	183 Leenan Run
315	132 Dergenagh Bend
316	1213 Jonesborough Alley
317	1201 Carrivekeeney Viaduct
318	430 Camnish Annex
319	809 Ballygasey Walk
320	263 Ganvaghan Lane
321	375 Bernice Heights
322	341 Legacorry Bend
323	1100 Auburn Grove
324	1228 Derramore Garden
325	645 Cloughglass Terrace
326	536 Kylemore Freeway
327	1305 Faulkner Ferry
328	352 Hood Boulevard
329	590 Carmond Bypass
330	435 Kinedale Heights
331	552 Carrickburn Gardens
332	747 Dyan Square
333	1275 Cromlyn Annex
334	1122 Joys Bayou
335	387 Corlea Grove
336	444 Cregagh Park
337	116 Kilmood Manor
338	601 Gilpins Freeway
339	118 Claranagh Field
340	170 Drummill Street
341	694 Durnish Avenue
342	485 Ganiamore Landing
343	55 Ballyagherty Manor
344	593 Crossglebe Creek
345	637 Kingsmoss Road
346	723 Ballynamoney Alley
347	16 Knockballymore Trace
348	103 Harpur Route
349	621 Clonfane Pine
350	171 Hiltonstown Point
351	17 Hazelbrook Lake
352	1013 Freeduff Center
353	1327 Cortreasla Highway
354	891 Drumimerick Alley
355	672 Derrynacrannog Place
356	28 Drumsurn Hill
357	1327 Knox Pass
358	416 Dunbeg Boulevard
359	1383 Derryvar Creek
360	623 Aughlish Park
361	1117 Ballygroll Garden
362	774 Droit Bypass
363	1066 Lisgarvagh Alley
364	918 Carnanbane Pike
365	1117 Ballylurgan Boulevard
366	952 Farren Bridge
367	1040 Haneda Estate
368	1024 Elderburn Boulevard
369	258 Ballylummin Center
370	1188 Broadwater Pass
371	337 Falcon Loop
372	880 Donalds Avenue
373	288 Gleneldon Heights
374	354 Drumceatt Pass
375	1366 Hennessy Stravenue
376	658 Boyland Street
377	445 Derryneskan Path
378	1074 Dudley Heights
379	22 Ballynick Row
380	221 Bulls Garden
381	230 Cargygray Lane
382	1394 Fort Lake
383	1288 Connor Court
384	841 Ballynahatty Bayou
385	912 Glantane Crossing
386	665 Charcoal Trace
387	320 Ballytromery Grove
388	362 Crohill Heights
389	1373 Lenaderg Extension
390	731 Kilty Court
391	646 Harcourts Extension
392	663 Ballyquinton Ranch
393	1226 Dunns Viaduct
394	530 Dunore Bayou
395	1277 Knockanoney Shore
396	5 Ballynichol Canyon
397	26 Corrameen Pine
398	396 Ferryhill Parkway
399	220 Grants Circle
400	937 Council Hills
401	343 Harehill's Row
402	1157 Camowen Green
403	1327 Drumsnade Landing
404	319 Crockanboy Bridge
405	1252 Avoca Manor
406	159 Duncastle Run
407	1206 Larcom Trace
408	1 Colonsay Terrace
409	62 Brians Heights
410	653 Dunarnon Mews
411	1235 Kilrea Station
412	656 Fenaghy Junction
413	652 Edinburgh Lane
414	666 Harrogate Canyon
415	1204 Fenton Crossing
416	324 Flowbog Motorway
417	1061 Lisnevenagh Turnpike
418	525 Chemical Ferry
419	623 Faburn Square
420	744 Barbour Mews
421	61 Glencosh Loop
422	1081 Fegans Row
423	642 High Gardens
424	414 Bartley Glen
425	167 Craigaboney Bypass
426	752 Gortahurk Canyon
427	197 Harvey Trail
428	101 Drumnacross Grove
429	1311 Enagh Road
430	979 Hopecroft Crossing
431	977 Carrive Alley
432	132 Bryansglen Bridge
433	1100 Ivy Turnpike
434	820 Castlevennon Heights
435	533 Ballygunaghan Motorway
436	45 Loughadian Motorway
437	161 Droles Hill
438	553 Knockreagh Creek
439	164 Dechomet Boulevard
440	797 Glenavie Garden
441	872 Carrickrovaddy Parkway
442	1095 Infirmary Estate
443	979 Ballytyrone Center
444	24 Coulters Glen
445	45 Knocklofty Place
446	595 Kiltyclogher Hills
447	1021 Clantylew Green
448	568 Glanworth Crescent
449	1093 Cranebrook Route
450	942 Drumboy Route
451	720 Corick Loop
452	209 Cluandara Junction
453	415 Cherrymount Court
454	528 Galloon Canyon
455	415 Findrum Hills
456	1126 Carrickananny Shore
457	1283 Berryhill Manor
458	10 Kilmacbrack Parkway
459	1083 Eagry Arcade
460	281 Ashburne Square
461	67 Drumardan Ferry
462	335 Ashlands Spur
463	369 Drumhaw Plaza
464	641 Fernbrook Row
465	52 Ballyroney Lake
466	1142 Ballymaginaghy Park
467	405 Kilmacbrack Bayou
468	1283 Gweedore Row
469	877 Lepper Loop
470	776 Ballyrussell Alley
471	1370 Carrigart Bayou
472	53 Lisolvan Arcade
473	837 Greenane Path
474	456 Dicksons Boulevard
475	750 Ashbeg Spur
476	1344 Knollwood Freeway
477	22 Glencon Spur
478	858 Drumagarner Hills
479	1214 Gortscraheen Point
480	708 Drumettagh Drive
481	275 Leeson Street
482	851 Cayman Crossing
483	329 Craigdunloof Lane
484	460 Boyne Motorway
485	617 Bessbrook Mall
486	461 Farren Trail
487	1196 Dunlade Pine
488	141 Azalea Arcade
489	576 Findrum Court
490	1043 Galway Heights
491	257 Grosvenor Path
492	448 Errigal Loop
493	464 Ballyvally Alley
494	939 Fathom Glen
495	205 Hyacinth Plaza
496	623 Killymaddy Crossing
497	1088 Crilly Row
498	1232 Close Lane
499	1342 Dunvegan Viaduct
500	129 Burleigh Estate
501	420 Britannia Route
502	996 Killybracken Landing
503	646 Fernwood Trace
504	893 Carness Highway
505	467 Bingnian Row
506	630 Coolkeeran Arcade
507	641 Knockagh Shore
508	121 Douglasland Drive
509	661 Intermediate Road
510	1136 Ballyhemlin Viaduct
511	322 Carey Park
512	1187 Ballydown Extension
513	159 Knockchree Trace
514	768 Glenelm Expressway
515	36 Lisnaragh Junction
516	33 Holland Landing
517	492 Erosmore Freeway
518	660 Iveagh Station
519	1125 Drinnahilly Landing
520	979 Levaghery Trail
521	318 Ballymoghan Drive
522	978 Derrycoose Ferry
523	606 Lelia Bayou
524	1237 Islandhill Drive
525	702 Fortwilliam Green
526	52 Kilvergan Spur
527	1255 Cloughfern Garden
528	1288 Gortaclare Walk
529	1053 Barnaghs Parkway
530	4 Green Court
531	969 Drumadarragh Shore
532	467 Bainesmore Glen
533	808 Ballynacraig Center
534	1063 Killyblight Bypass
535	1293 Gibsons Run
536	1081 Derryharney Square
537	471 Ballysally Boulevard
538	980 Bracken Crossing
539	47 Lottery Grove
540	215 Knockchree Hill
541	581 Berkshire Landing
542	1107 Lanyon Circle
543	359 Ballintogher Station
544	353 Ballynafeagh Viaduct
545	829 Linvara Bayou
546	1321 Ladbrook Park
547	861 Gault Extension
548	1331 Baldrick Avenue
549	1068 Birchmount Alley
550	830 Lismurn Pike
551	355 Ballyleese Station
552	735 Breagh Drive
553	474 Derryvar Gardens
554	1377 Helens Pike
555	336 Loughan Pike
556	601 Fallowlea Center
557	1268 Causanagh Lane
558	251 Drumvale Row
559	280 Lennys Stravenue
560	1133 Lakemount Hill
561	991 Hunt Pass
562	53 Craigadick Drive
563	1126 Derry Heights
564	1075 Ballyginney Bypass
565	550 Dicksonia Boulevard
566	64 Byrnes Boulevard
567	485 Kilty Ranch
568	711 Coolkill Mall
569	1207 Lisnasure Parkway
570	1265 Lisanduff Center
571	1033 Brucevale Stravenue
572	623 Kingsgate Viaduct
573	459 Carmichael Hill
574	1288 Avoniel Path
575	491 Aughagranna Gardens
576	1014 Hatton Landing
577	691 Killyvolgan Pass
578	493 Ballyminetragh Parkway
579	893 Dobbins Park
580	152 Ballyroney Trace
581	727 Drumcliff Mews
582	1329 Ballindreen Arcade
583	288 Eileen Crossing
584	499 Brians Point
585	318 Carnan Extension
586	610 Bradley Trace
587	584 Carrickblacker Glen
588	760 Elmhurst Lake
589	25 Inveroe Canyon
590	965 Lawford Lane
591	1209 Edmonstone Garden
592	1021 Forrester Motorway
593	1142 Audleys Mall
594	1232 Dernawilt Junction
595	595 Glenalt Bend
596	616 Cranagh Mall
597	116 Bannanstown Pass
598	518 Lisnagort Spur
599	52 Concorde Avenue
600	993 Lismurphy Viaduct
601	82 Gough Motorway
602	118 Barban Pike
603	1293 Beech Motorway
604	156 Greenore Pike
605	142 Cranagh Ferry
606	34 Lagangreen Garden
607	709 Forkhill Center
608	3 Cherryhill Pine
609	32 Downfine Plaza
610	267 Carmorn Mall
611	1070 Forge Alley
612	759 Kinnego Landing
613	1353 Knockbreda Shore
614	834 Forthill Manor
615	1048 Cloghinny Rapids
616	660 Clontycarty Plaza
617	831 Draperstown Trace
618	792 Ballybogy Viaduct
619	550 Clovelly Cove
620	849 Ballyreagh Motorway
621	47 Hampden Green
622	304 Clonlee Mall
623	417 Clondermott Alley
624	1314 Colebrooke Plaza
625	482 Barclay Bend
626	774 Eileen Station
627	711 Beatties Cove
628	834 Kinsale Boulevard
629	1318 Glenville Trail
630	570 Corrigs Avenue
631	1304 Calhame Pike
632	1346 Dunmisk Alley
633	551 Gilbourne Trace
634	1367 Hillfoot Estate
635	849 Highfield Loop
636	1352 Claires Road
637	519 Drumshinny Grove
638	998 Lanntara Junction
639	609 Ava Walk
640	62 Head Park
641	1128 Cragfergus Ranch
642	409 Councillors Station
643	1346 Glenfern Annex
644	374 Drumack Canyon
645	508 Ballyfounder Highway
646	1147 Drumgarrow Drive
647	944 Gortnagola Bend
648	283 Johnstone Bypass
649	772 Cornagrade Lodge
650	967 Cambridge Garden
651	1325 Derrylappen Bayou
652	414 Ballyfannahan Pine
653	1354 Crochan Pine
654	551 Franklin Alley
655	667 Clanconnel Heights
656	688 Horn Highway
657	1156 Henderson Drive
658	945 Laragh Station
659	23 Corrainey Road
660	1353 Lissara Rapids
661	1362 Friths Bend
662	640 Ballyknockan Glen
663	138 Ballymoyle Bridge
664	1152 Grainon Crossing
665	1123 Dunbiggan Canyon
666	225 Davys Pass
667	689 Farlow Ferry
668	1104 Brookleigh Crossing
669	1277 Deramore Hills
670	608 Drummuck Square
671	1318 Harvest Ranch
672	856 Joys Square
673	763 Dechomet Crescent
674	980 Cons Alley
675	854 Knockanbaan Glen
676	1344 Carness Highway
677	779 Duntibryan Motorway
678	481 Gortnagross Alley
679	412 Elimgrove Parkway
680	856 Ballymagreehan Bayou
681	1171 Lisdillon Boulevard
682	127 Feadenach Bypass
683	1097 Cullyburn Court
684	621 Gortmerron Creek
685	1140 Ballygonnell Square
686	342 Hampstead Point
687	354 Crescentburn Pass
688	697 Grangefoyle Annex
689	1343 Brackaghlislea Annex
690	871 Dunhill Trace
691	856 Ballybunden Lodge
692	1346 Cappy Field
693	1239 Cliff Hills
694	197 Cullentragh Cove
695	861 Carrowshee Trace
696	622 Lisleen Ranch
697	34 Duneoin Trace
698	1074 Carron Parkway
699	603 Kircubbin Turnpike
700	277 Logan Motorway
701	25 Eaton Lane
702	1194 Aughnahoory Stravenue
703	133 Listooder Garden
704	1019 Edfield Canyon
705	1009 Cloonavin Freeway
706	740 Concess Glen
707	1361 Carrickaness Lodge
708	867 Leansmount Court
709	992 Formoyle Center
710	1142 Drumettagh Creek
711	834 Cambridge Trail
712	610 Cairnburn Gardens
713	972 Edenturcher Parkway
714	1152 Knockmoy Spur
715	404 Dalton Pike
716	915 Carrickdartans Avenue
717	252 Dicksonia Viaduct
718	79 Ballynagilly Court
719	1370 Frome Garden
720	920 Lisnabreeny Viaduct
721	86 Bairdstown Point
722	809 Glenabbey Pass
723	1312 Greencastle Center
724	1034 Drummeen Bend
725	847 Benson Rapids
726	264 Gwyneth Boulevard
727	906 High Boulevard
728	135 Fletcher Trail
729	1033 Kirkside Garden
730	223 Drumadarragh Mews
731	1244 Emerald Loop
732	1232 Killyflugh Hill
733	169 Kilsannagh Heights
734	1154 Carrowshee Plaza
735	265 Lizanne Hill
736	880 Castleview Arcade
737	724 Crieve Junction
738	305 Fernhill Hills
739	1354 Grovemount Square
740	319 Hertford Ranch
741	43 Glendavagh Cove
742	1113 Friths Gardens
743	955 Glencullin Creek
744	228 Craigwell Shore
745	1003 Buskin Terrace
746	262 Artillery Drive
747	496 Ganaway Expressway
748	864 Lackaghboy Arcade
749	671 Corick Hill
750	557 Cambourne Mews
751	149 Lettermoney Ferry
752	1360 Camelia Point
753	1246 Beechlands Viaduct
754	1209 Liscurry Road
755	1241 Feegarron Pike
756	1123 Cregglea Turnpike
757	461 Beaghbeg Expressway
758	428 Castleboy Lodge
759	170 Forestbrook Walk
760	922 Camplagh Station
761	89 Drumcree Parkway
762	1153 Ballycreggy Mews
763	838 Dellwood Street
764	1329 Craigadoo Park
765	479 Drumconready Alley
766	88 Kinedar Walk
767	447 Crubinagh Hills
768	298 Baronagh Manor
769	781 Cotterhill Rapids
770	7 Caroline Landing
771	577 Cleaver Plaza
772	1385 Cliveden Rapids
773	32 Kilskeery Creek
774	1058 Bow Viaduct
775	1312 Ballystockart Hills
776	115 Four Parkway
777	88 Cavanakeeran Junction
778	1338 Auburn Street
779	822 Burrels Turnpike
780	357 Legar Run
781	417 Humes Pine
782	155 Cushowen Rapids
783	818 Knocknagore Rapids
784	374 Lisfaddan Path
785	1124 Currans Field
786	930 Craigowen Walk
787	148 Greenside Stravenue
788	1213 Clogharevan Place
789	289 Fincairn Road
790	94 Harkness Bypass
791	777 Espie Bayou
792	771 Glenanne Path
793	1357 Drumnabey Landing
794	536 Kirklowe Arcade
795	1339 Barmouth Manor
796	1395 Coates Crescent
797	367 Kennelbridge Rapids
798	1125 Ballylinney Center
799	591 Knockwellan Road
800	1115 Irwin Point
801	1192 Kilcurragh Grove
802	587 Berryhill Spur
803	1261 Glenbawn Spur
804	1213 Hillmount Pass
805	976 Cutters Parkway
806	996 Garvey Row
807	956 Carn Stravenue
808	1369 Clonaslea Place
809	616 Ballygore Heights
810	1284 Liscabble Parkway
811	37 Grove Drive
812	1061 Druids Path
813	759 Cladytown Glen
814	429 Castleboy Spur
815	993 Clonlum Square
816	294 Brigh Bypass
817	1238 Limehill Square
818	1328 Levaghery Canyon
819	897 Hawthorne Bayou
820	1289 Highfern Road
821	965 Backnamullagh Arcade
822	302 Jeffrey Circle
823	24 Isoline Route
824	1142 Derrycughan Extension
825	956 Crieve Trace
826	1382 Birchgrove Motorway
827	951 Convention Hills
828	153 Drumaquill Gardens
829	346 Crockanboy Point
830	992 Inchmarnock Gardens
831	1147 Legaroe Highway
832	1188 Cairn Bridge
833	204 Cabragh Point
834	19 Coolmoyne Pike
835	146 Edgewood Rapids
836	1328 Forthbrook Court
837	780 Loop Canyon
838	3 Broom Terrace
839	266 Litchfield Alley
840	306 Boghill Trail
841	68 Ballyclander Row
842	308 Kilcreevy Motorway
843	620 Dernaveagh Bridge
844	265 Kenbane Point
845	124 Corrickmore Bypass
846	1229 Carrowclare Annex
847	298 Drumcarn Crossing
848	266 Ballypollard Pass
849	1313 Corkey Trace
850	1371 Goldenview Row
851	652 Carragh Annex
852	221 Landahussy Estate
853	107 Crockroe Gardens
854	1308 Breandrum Road
855	1084 Camplagh Hill
856	773 Ganna Motorway
857	289 Colane Estate
858	1055 Ess-na-laragh Highway
859	196 Knockbrack Street
860	1245 Grahamsbridge Place
861	876 Glengalliagh Pass
862	718 Bratwell Bypass
863	470 Cumran Place
864	808 Ballycranmore Lodge
865	1162 Caulside Viaduct
866	551 Galbraith Turnpike
867	869 Knockcastle Avenue
868	662 Gortnessy Bayou
869	838 Ashlands Highway
870	1175 Hobson Street
871	1251 Legar Road
872	1165 Jordanstown Point
873	621 Ballysillan Cove
874	698 Clonfad Alley
875	1256 Camlough Green
876	1340 Drumscollop Hills
877	398 Goles Bypass
878	394 Heath Glen
879	1278 Ballydawley Trace
880	218 Gortmerron Bridge
881	1338 Henley Heights
882	862 Keery Path
883	1117 Carnegie Run
884	217 Belleville Heights
885	515 Jordanstown Lake
886	209 Bradagh Station
887	711 Davys Spur
888	1049 Beach Stravenue
889	983 Ballynagown Row
890	717 Goles Gardens
891	593 Bridgeways Center
892	459 Legilly Shore
893	1133 Castleward Hills
894	780 Killane Annex
895	1335 Cargoes Junction
896	553 Gortica Walk
897	325 Ballykeigle Freeway
898	485 Clonfaddan Estate
899	1240 Bryandrum Heights
900	478 Liffey Drive
901	1274 Brackenagh Manor
902	869 Downfine Field
903	811 Causeway Avenue
904	461 Cravenny Trace
905	132 Donowen Row
906	1192 Drumimerick Bayou
907	488 Corby Park
908	460 Elesington Center
909	1335 Craignageeragh Pike
910	1278 Drumnacross Trace
911	19 Islandmacallion Viaduct
912	840 Cloane Park
913	79 Ballyvernstown Drive
914	30 Derryhea Path
915	513 Carrickabolie Highway
916	471 Halfgayne Highway
917	313 Loran Shore
918	1224 Cambrook Drive
919	200 Glenmahon Mall
920	1154 Lothian Place
921	1166 Churchside Loop
922	956 Grahams Junction
923	853 Cloyfin Court
924	979 Kingsfort Row
925	312 Ballydogherty Road
926	1071 Lockharts Green
927	295 Cushnahans Annex
928	502 Halstein Drive
929	10 Irvines Glen
930	542 Ligoniel Glen
931	662 Drummanmore Ferry
932	1323 Lerrig Ferry
933	1106 Dornans Crossing
934	118 Forde Glen
935	1175 Drumkeeragh Street
936	852 Cairnvale Landing
937	470 Donaghaguy Extension
938	184 Bellany Spur
939	1010 Crooked Turnpike
940	1182 Lisgarvagh Lane
941	634 Lancaster Shore
942	283 Kylebeg Drive
943	929 Loopland Trace
944	413 Drumahoe Trace
945	1072 Desertcreat Heights
946	180 Lansdowne Landing
947	889 Gleno Cove
948	1357 Creevanmore Place
949	846 Ballyglighorn Viaduct
950	140 Knockvale Park
951	1042 Knoxs Ferry
952	576 Jervis Circle
953	741 Dromena Lodge
954	1074 Edgewater Cove
955	391 Landhead Field
956	306 Drummuckavall Bypass
957	980 Leighery Trail
958	1052 Kenmare Walk
959	1393 Highfern Landing
960	385 Baldrick Turnpike
961	21 Drumcaw Ranch
962	534 Holland Drive
963	1264 Halftown Ranch
964	689 Beaufort Trace
965	520 Bregagh Green
966	240 Huntingdale Freeway
967	407 Boconnell Crescent
968	1261 Kernohans Bayou
969	1033 Hurtletoot Road
970	1125 Boyd Annex
971	1081 Jennys Expressway
972	54 Dooneen Field
973	925 Frys Run
974	264 Jura Road
975	1342 Carndaisy Trace
976	117 Ballycruttle Pine
977	656 Forrester Bend
978	1276 Levercaw Pass
979	1055 Glenchiel Center
980	1202 Drumnakilly Street
981	459 Drumbroneth Highway
982	848 Corbet Hills
983	589 Elmdale Extension
984	1363 Faburn Bend
985	259 Kildares Street
986	326 Gleneagles Trace
987	1098 Dernmore Square
988	1253 Hayfield Ranch
989	675 Kell Bypass
990	231 Cairn Estate
991	666 Lennox Bridge
992	29 Drummard Circle
993	747 Lismoyne Lodge
994	470 Benvardin Alley
995	256 Greengraves Heights
996	755 Ellisholding Crescent
997	328 Ballyminymore Lake
998	286 Ballylucas Place
999	528 Hugh Point
1000	542 Carr Creek
\.
ANALYZE "pg_temp"."sqlsynth_pool_6";
CREATE TEMP TABLE "sqlsynth_pool_7" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.address.province (67 values)
COPY "pg_temp"."sqlsynth_pool_7" (k, v) FROM STDIN;
1	West Glamorgan
2	Northamptonshire
3	Derbyshire
4	Grampian
5	County Tyrone
6	Durham
7	East Sussex
8	Essex
9	Kent
10	Surrey
11	Lancashire
12	Norfolk
13	Rutland
14	Gwynedd County
15	Dyfed
16	Wiltshire
17	Borders
18	Clwyd
19	County Down
20	Somerset
21	Worcestershire
22	Hampshire
23	Warwickshire
24	Tayside
25	Berkshire
26	Northumberland
27	Lincolnshire
28	West Sussex
29	County Antrim
30	Cumbria
31	Greater Manchester
32	Isle of Wight
33	Gwent
34	South Yorkshire
35	County Londonderry
36	Cleveland
37	Leicestershire
38	Buckinghamshire
39	Hertfordshire
40	Fife
41	West Midlands
42	Mid Glamorgan
43	South Glamorgan
44	Shropshire
45	Avon
46	Dorset
47	Humberside
48	Suffolk
49	Strathclyde
50	Herefordshire
51	Powys
52	Bedfordshire
53	Cheshire
54	Devon
55	Nottinghamshire
56	County Fermanagh
57	Cambridgeshire
58	West Yorkshire
59	Staffordshire
60	Lothian
61	Gloucestershire
62	Cornwall
63	Tyne and Wear
64	Oxfordshire
65	County Armagh
66	Merseyside
67	North Yorkshire
\.
ANALYZE "pg_temp"."sqlsynth_pool_7";
CREATE TEMP TABLE "sqlsynth_pool_8" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.address.postal_code (1000 values)
COPY "pg_temp"."sqlsynth_pool_8" (k, v) FROM STDIN;
1	QT3K 9IN
2	GS8Q 4GV
3	TU5J 8DH
4	XB0Q 3SH
5	PE2G 9QO
6	KT2J 5AE
7	MP6N 4LH
8	JS6M 9CT
9	YE6U 7AC
10	FT1K 0ZB
11	XM5C 0ZX
12	IN4D 6BW
13	EN6Q 8KS
14	MG9H 9OC
15	AU8K 2ED
16	QU6Y 9DQ
17	DG7R 9QY
18	UP7F 2WM
19	KV3H 7IU
20	YD7U 5MB
21	WR4F 5PQ
22	ZI0P 7XK
23	AR7X 1ZD
24	FQ1S 2RW
25	SE5I 0MK
26	MQ2T 7TT
27	MT9A 1OC
28	OO9M 9GT
29	PC0I 8EQ
30	IL4F 4SL
31	UZ1S 3OX
32	JS3C 9EF
33	BV3I 2DV
34	IW6E 8UW
35	HZ5S 5GF
36	XG1D 7XW
37	JZ9W 8MA
38	WH8R 4OM
39	FN4G 2GN
40	YO5X 6ES
41	OP5H 9CX
42	XZ4X 3YD
43	TH9R 0FR
44	HU1D 9PS
45	AE3K 6CC
46	XU8R 3XU
47	CI5W 2TW
48	SA8Y 6AW
49	UB4V 0EC
50	XY8V 2WG
51	TA3P 0TK
52	YJ0O 7YU
53	UO6D 5VZ
54	VR2I 2RG
55	QJ1U 8ZH
56	RD4K 6BZ
57	SB1S 0GJ
58	TF1Y 9PX
59	WZ5V 2WL
60	TI1O 0YI
61	VP5F 6NO
62	WV1H 9CG
63	QF9O 3DT
64	OR5H 4UY
65	HH2F 3NG
66	MC0N 7ZW
67	IN4B 7JY
68	DK6Q 6PT
69	OT3T 4WB
70	NV3M 5DN
71	AG8C 5ZW
72	QO5W 8ZI
73	YG0X 3LK
74	XT2D 4JW
75	ZD7S 6ND
76	RO7F 3OA
77	SO1F 7YZ
78	ZE3R 8TB
79	BJ5D 8VY
80	WZ5X 0VW
81	HB8R 5DR
82	YF0D 0HZ
83	OE4X 3MX
84	DH6O 9QT
85	WK7F 4GA
86	RZ1I 3BB
87	LB4M 6KG
88	UV8W 4DP
89	GF6X 9JY
90	MU1K 7IW
91	FB2R 9GE
92	HV6E 8QK
93	JV4W 7JA
94	AO6O 3QT
95	SE1Z 5ME
96	MF5B 8QA
97	GR2X 4EY
98	VE3D 7NM
99	AW3D 7YY
100	QD4E 8KE
101	KS2Y 2YM
102	RG8L 1IK
103	BK6B 7JQ
104	RX1O 1KJ
105	VP3W 1SM
106	OJ6W 9TS
107	IK2A 5WV
108	BW3G 1UF
109	VI5B 9PW
110	IA1R 1ZU
111	GB3E 4UX
112	HS1V 1KM
113	LZ2Q 5CO
114	SG4R 8RO
115	DJ0I 1NY
116	LW1P 4OC
117	DS7A 0UG
118	OV0X 2PI
119	WE7D 7JF
120	WW5J 9ER
121	MW7L 7GF
122	XP8J 1DZ
123	CN7B 0NS
124	CA6W 1ZB
125	VG8D 0RN
126	XG6I 8EG
127	ZV6T 7LI
128	VH6A 4LV
129	PQ0S 9CK
130	XZ6U 6ZR
131	JM6C 3XS
132	VX0V 5HC
133	HL3E 7QH
134	FZ2E 8BC
135	TR9H 0VW
136	MW1J 9IU
137	HH6K 0KO
138	MS5E 8CH
139	XI7V 4YS
140	HZ7E 1BR
141	QU2L 5FF
142	JT5K 9ZS
143	UC4U 0MQ
144	SD6Y 7XY
145	ZF8L 7XJ
146	NJ0B 1NE
147	ZX4V 2RI
148	JW8W 6FR
149	UP4Z 4XB
150	LT3J 0DX
151	BN6B 7YU
152	XG9F 6ZA
153	BB7R 8FO
154	QF9T 0HX
155	IR0F 1NY
156	SR8F 8RU
157	FW5R 2EQ
158	WA4V 0XU
159	KE7X 2VX
160	YH8T 1EA
161	LT1X 3UW
162	NI8X 8XK
163	CN2J 3VG
164	IW3O 4GP
165	RO0L 4DN
166	EW8H 2IS
167	YG9N 1BI
168	KF9K 5KQ
169	FK7Y 2HC
170	BA8R 4OY
171	NY7E 4FK
172	AG9L 6OB
173	KG9K 6JF
174	XS5V 6LK
175	UW8W 8GE
176	DF7F 3MJ
177	MW0X 6ZN
178	HL1U 5AD
179	LI6B 0OB
180	NT2A 4WY
181	DI0A 4AU
182	RH5H 1EJ
183	UL5J 3AL
184	EZ6Q 2NF
185	RC7U 7YF
186	IX4N 8PW
187	UZ9O 3HX
188	JC9K 2XY
189	DO4N 5CL
190	XE7C 9VN
191	CE8R 3BS
192	DW9I 6XS
193	QF8B 7RX
194	CH6T 3AT
195	OH5H 6BP
196	UG9T 0IN
197	FZ1A 5SC
198	UW2C 2QE
199	TX7Q 1IS
200	VG9Q 2EJ
201	YO2Y 7ZD
202	QM6P 0MI
203	MK8U 4DS
204	CS5A 9NT
205	UB6Y 2JO
206	PW4U 4UK
207	RB4O 1DK
208	YQ5R 2ZG
209	HY2U 9CQ
210	HB4Q 5WY
211	XN7Q 7NB
212	DQ1X 7LB
213	FK2J 3NL
214	HY9L 4HC
215	XI6J 8VR
216	EC5U 3QX
217	TY0G 2MW
218	HP2P 0BU
219	CU5Y 4NH
220	YD5F 5AK
221	MI3F 7OO
222	YH2X 0HF
223	GQ1X 8BO
224	XS8O 9KU
225	KM3C 8DS
226	KJ7M 3IB
227	HJ3X 6MQ
228	GZ0W 3WC
229	VV5C 3CF
230	AH0Z 6WC
231	UA2N 9RB
232	DR7P 3WT
233	QA8U 3FD
234	ZF5I 0IO
235	UX7S 9TL
236	EC9W 8YY
237	KR6R 2AD
238	CL3R 4PN
239	II5R 8VG
240	MQ6G 0HC
241	KP7V 8XH
242	AH1R 0PN
243	NR7Z 1VX
244	RU9G 0YE
245	MB8N 9DI
246	IK0P 7XH
247	VQ9S 0FI
248	GU4E 6GY
249	XJ6B 5WQ
250	HB7J 4DY
251	YK2L 0QG
252	HT0K 6LR
253	OQ4C 6UU
254	CQ6K 1OH
255	CA8X 8JH
256	XK2J 5EX
257	LE4E 1YU
258	WF9V 5TF
259	GS9C 4YV
260	EI2I 8UO
261	DT3U 0QN
262	OD8C 3QB
263	WE3D 9AM
264	AD0G 6VV
265	MJ4Z 6DW
266	DZ8P 6JJ
267	XM7R 3PG
268	SY3Q 9GM
269	BG6G 2QE
270	WT1X 5VP
271	UU6L 0SR
272	TS8R 3NJ
273	EL7B 1TZ
274	WW3R 5KZ
275	YP4O 6HJ
276	LJ9D 5OH
277	JJ2N 3KC
278	SE5F 5QY
279	ZN2L 5YD
280	WQ6O 9RX
281	MD9O 8NL
282	QX8J 3WD
283	XR1H 9JC
284	WE1D 1OF
285	PT6E 7RN
286	NR8I 0MF
287	XT9U 5HS
288	PD9B 5QZ
289	BY1W 6CM
290	KM6W 5QQ
291	ZX6Y 8PB
292	IU5M 5PD
293	LT1Q 7HI
294	YR3Z 1FV
295	LO9N 7VG
296	RG2E 1KP
297	ZD5K 1IJ
298	JI4G 2FH
299	XA7B 5CI
300	VE6T 2XQ
301	AF5A 4ON
302	IS2U 7LA
303	XX3D 3MS
304	PN3K 0SW
305	DE0C 2AC
306	KP0O 8OY
307	WV3E 4UE
308	VX3G 5KJ
309	EF0S 3DY
310	PD8C 5JA
311	YS3C 1EG
312	DK9A 3LK
313	JP9A 8LI
314	UY0H 0WB
315	UU5Q 6SF
316	UE5N 9AD
317	ZS9J 4YA
318	AN0N 9WJ
319	WY9C 2NU
320	LO9S 9IK
321	TS7H 5RB
322	IE6K 8BP
323	BZ3V 7SJ
324	NC6N 3IY
325	BX0V 0GW
326	UT9Y 4QO
327	UQ6G 0WN
328	EW1Z 6ME
329	XS8E 4GB
330	KI5J 1HI
331	JC2U 1GB
332	JD2W 9HT
333	BQ5O 4DG
334	TY0U 7ZQ
335	VZ2P 3TN
336	WU8J 9VM
337	VK1U 0RM
338	HH9W 9SH
339	KL9B 9EY
340	IZ3T 2AX
341	JB8Q 5YL
342	XC9V 7TA
343	EC1O 6SM
344	XQ9Q 8GR
345	EB1O 8KF
346	FC9J 9ST
347	SQ9M 4RJ
348	YQ6K 3KM
349	VM9S 9VY
350	FJ9Z 2RN
351	QB8O 0FS
352	XD4L 7HW
353	TL8F 8OB
354	DR0G 4SZ
355	ZW7V 1VQ
356	MV9Q 3DC
357	YH5H 2EK
358	EE9W 5EW
359	YD7A 1FP
360	GJ9T 9QE
361	LO7C 0EX
362	IL9T 8OV
363	UX8V 1IT
364	YU1N 4ES
365	XK1D 3IO
366	FR9J 9DW
367	DL5M 4LT
368	NF6H 5QA
369	PX0Z 3GM
370	TL0V 9KC
371	BT5Z 4PR
372	ND2C 1SO
373	WO9S 7UN
374	ZF5X 9RV
375	JR0U 3IX
376	BD7K 3XP
377	EX8K 5HB
378	TP3Z 5UA
379	XG9U 5KB
380	KB1W 9TB
381	DG7T 2VM
382	XD2T 0WD
383	AZ7S 5YB
384	CC5X 4DG
385	MZ5P 1XO
386	DS7G 1VY
387	OX6W 3ZH
388	NT9Y 6AT
389	CC8F 4CQ
390	KQ9F 5JC
391	AW1J 5TW
392	ZC4T 5BA
393	NZ2Z 3QB
394	QD9U 7XQ
395	OC4Z 2AA
396	KO1I 1DL
397	BC4L 9OL
398	TM5B 3CP
399	DZ5Q 7PL
400	OQ2R 8PD
401	KU3C 2UE
402	OK7U 7AM
403	OV3L 4SM
404	NT0A 5FX
405	FV4A 1NO
406	DR5A 2IO
407	QK8W 3CE
408	MM4B 7NO
409	CK8C 0GY
410	WL7P 5XG
411	YP6W 3VT
412	JQ4J 5ZP
413	QB0L 3UG
414	OU7U 6HS
415	QX4B 3VK
416	PQ1N 4DE
417	PH7R 6HW
418	GP3U 1IF
419	DW6O 9RA
420	JX5W 1AL
421	VX1M 5FE
422	CL9H 0YP
423	NC7K 3IW
424	IF4Q 5CI
425	OS3P 6PU
426	WD2B 8OI
427	VF6D 6KA
428	XK8B 7WJ
429	RF7P 5RE
430	NJ0J 1OY
431	WC7Y 9SB
432	RP0J 2RA
433	XJ9Y 7JW
434	JN2K 7OW
435	TA7D 6HE
436	RX1M 2BA
437	GN2S 3UP
438	PR7A 5IL
439	EA1T 3EA
440	SN2C 1GH
441	GN1D 8KP
442	TI8O 8NB
443	HE7X 1KZ
444	BN4K 6CZ
445	NX6J 0NS
446	FM5R 0VS
447	QB5Y 4RW
448	LK6U 9FE
449	ZA9O 9KE
450	RX1G 3TW
451	HA5D 9FU
452	JG5D 8QK
453	QI7U 3OG
454	EA0O 8OW
455	AQ8H 8MC
456	XJ5L 0HB
457	NN1N 1AL
458	SM3N 1KX
459	WR3G 5NC
460	NN7M 6EQ
461	FN5C 2UF
462	LA0F 2HN
463	PU2P 9YM
464	KU6A 8FQ
465	YE4L 0JN
466	UG3R 9SE
467	RC0J 8SJ
468	OX2S 7DR
469	VT5B 3IA
470	QB2C 3LI
471	WC4L 9JT
472	SC6I 5HN
473	GE2N 8TH
474	UP8N 1EM
475	AW2K 5VP
476	XR6A 7CK
477	XR5B 5NK
478	HW1Z 2VH
479	NT8D 7RZ
480	DA5U 3JF
481	TY6Z 1YP
482	QF6F 3HP
483	DY6S 4HR
484	WC6R 3PC
485	ZH0S 1CW
486	BW8W 9SA
487	OW4Z 8BH
488	SB0T 5QT
489	DZ6D 1UK
490	NH4O 4LR
491	XL0J 2BN
492	MK5P 7UD
493	PS1F 5IV
494	YX6Z 0YF
495	UN6W 4JS
496	CK3I 8HX
497	NN6B 9PD
498	KM1I 7KZ
499	GI1S 0XA
500	KD1F 9PT
501	UO1J 9RR
502	CW5F 7DY
503	XO3H 9QO
504	YG9D 0PZ
505	JG9V 9VZ
506	UW3G 7MI
507	AN1F 9QZ
508	XQ2F 0ET
509	YS0M 4EE
510	JJ4Y 2KR
511	YW6G 4LL
512	PH5D 7HH
513	XE9X 6IB
514	NZ3I 3EH
515	LZ1D 3OB
516	LJ4S 9XC
517	WV5N 6PR
518	GO8N 3NS
519	XN4V 3ZU
520	HA5P 0YI
521	GL0E 7FS
522	BZ8F 8QP
523	GL9O 5RM
524	TA4E 6AV
525	KO6G 3FX
526	KL6W 1EE
527	IO9W 5ID
528	BO5Q 1BX
529	WL2C 5GF
530	AU3H 5JZ
531	VH2M 5VU
532	EG2C 3QA
533	OE7C 3LT
534	OD9R 5EK
535	QP0P 3MW
536	BS6G 8YB
537	RT9S 1TA
538	ME3V 3SD
539	IF4J 7YD
540	JB7P 9GQ
541	ZU8U 3GC
542	BW6Q 3ED
543	DK7J 6JJ
544	WU3G 4VO
545	IT7A 4MU
546	FD6A 1PN
547	PX5O 3VE
548	EN3S 2YD
549	QG1O 8XC
550	EH0S 8KK
551	MN8Y 2ZE
552	SG8Y 4MQ
553	BU5H 1CS
554	HU6Q 7PL
555	IN7U 9MN
556	IX2K 9WK
557	UH9J 4AT
558	GJ2K 3AU
559	DF3O 9QG
560	ED2R 2FY
561	NM1F 9FS
562	CK1L 5NO
563	DQ9J 8QT
564	HX0L 9QT
565	FZ5O 9OU
566	AE5G 2EO
567	EY5M 0VN
568	TI3B 0GH
569	UY2Y 6FU
570	PG6J 6UL
571	QN1Y 1QG
572	LR2L 8TV
573	HO3I 8BK
574	ZW8J 2TF
575	PF4Z 8KR
576	NO5K 4GN
577	BX0Z 1DT
578	ON6U 3BL
579	XS5C 1AP
580	TH1S 3CF
581	KY1S 2WX
582	FM6S 9FX
583	MY6X 1CB
584	OD8H 5HY
585	KO5Q 2MK
586	FG6B 8UJ
587	ZR4Q 0YA
588	RR8A 6DF
589	FQ0B 1SH
590	MC6P 3CG
591	BY6E 0FX
592	LM7B 8IY
593	AQ9C 7TQ
594	AD2K 3SS
595	YT0C 2QD
596	HS3S 5XB
597	KQ1H 0GS
598	CU4Z 6GV
599	LL4K 2EU
600	YP5O 9BL
601	DD9J 3KU
602	NW6O 2KO
603	ZM0B 9BA
604	BH3C 8UB
605	UQ4G 7WW
606	JH1X 9MV
607	QB0M 0UI
608	WV4W 0ZA
609	HU1D 2QM
610	KR6G 2HL
611	XG8X 2IU
612	FZ5K 5GF
613	KD4S 1UP
614	HK3G 0LP
615	DC0R 6ZN
616	YJ7F 2XR
617	BD5S 4XS
618	WG0F 8OA
619	BH9H 0KW
620	JI1V 7JB
621	RW6L 9XE
622	SY1M 4ZW
623	VD2A 9HA
624	NC1T 6LD
625	WK9B 0MI
626	FK4U 1DQ
627	XQ9G 1JG
628	NS9S 5OB
629	LJ9O 0EE
630	OQ0Y 8KG
631	QN2P 2OC
632	QL0U 1IA
633	XR6H 0YD
634	YL7G 0EF
635	BF8O 6TD
636	MW9Q 5YC
637	WL0O 3MX
638	OF5L 2XX
639	GQ5T 2IM
640	BL2P 5XX
641	SN9N 6ZT
642	FC1Q 6CT
643	EK9L 8BA
644	AJ9B 3AP
645	RR9C 3PS
646	ZN0H 4RJ
647	IP6P 8US
648	DW4B 3YN
649	KU3N 7GX
650	HU3V 3BB
651	BF3A 9LW
652	JD6C 0BR
653	IF9T 8YV
654	FH0O 3OH
655	NA2U 4AQ
656	ZH6V 4RG
657	NG0K 1ML
658	TO8A 6TJ
659	FH9S 5RS
660	JY2Z 3BJ
661	QH8U 9YT
662	OT4F 9MI
663	UO1A 9ZV
664	QH5B 3RG
665	RO8W 3CU
666	KD9G 9UQ
667	YI5D 3OO
668	TV2U 5AX
669	RL5I 8UL
670	CX0R 5XJ
671	GS3R 0IY
672	XJ4L 7YL
673	AQ9A 2QT
674	MQ8W 4JH
675	LU5U 4KB
676	OI4J 9QD
677	GS6P 9ZF
678	AM5J 8SA
679	AY9A 6JK
680	QV4N 2EF
681	JP7I 2NP
682	RU9V 6QK
683	SE1G 9PM
684	CV6W 4LT
685	HH2O 5AK
686	EN7Y 7VI
687	UI5L 1OB
688	FQ2T 1GE
689	ES6F 3BO
690	NS6W 4OA
691	ZB0C 0OP
692	GL0Q 7PL
693	ZN5Z 7UI
694	MD5B 6BV
695	GY1T 9WV
696	AQ4J 7BG
697	DE3K 9SQ
698	PO0K 5YC
699	CV3N 2RN
700	OK7Q 1NL
701	WZ7T 3KU
702	RH4W 3LI
703	FO3A 3UL
704	GH1C 5RL
705	TR4M 3KR
706	KW1J 8ZB
707	KU0I 6JT
708	DG7J 6HV
709	JV0E 3WP
710	WP8U 4EQ
711	RM3T 7RT
712	BE2U 0LQ
713	VG9F 8NV
714	NG3I 7GS
715	WX6S 4MF
716	QA0D 3OS
717	HB0U 8HM
718	CP8U 2IJ
719	DO6K 0WX
720	QL2B 0NG
721	BO5G 2UC
722	TR5R 7CM
723	HN4O 6ZC
724	GD7J 5QV
725	RP2J 0KT
726	BN7C 0ST
727	AL6H 0OM
728	ZV6T 5PN
729	DB3A 6YA
730	NM5S 2MQ
731	YH0Z 4ZV
732	XS8S 3KW
733	HE2W 8CL
734	RX9E 1YC
735	VK5V 5EW
736	LQ7J 7VN
737	WY1J 2JU
738	WH4V 9OR
739	AR2K 0KS
740	DO8W 5RC
741	IC4Z 3SU
742	BU0I 5GP
743	DE4G 4YA
744	IT1H 5SK
745	TZ4O 5JM
746	GY4V 8FD
747	KR1T 2UY
748	CK5Y 1DX
749	UL4J 3ZI
750	TW6I 3SG
751	HM2S 7ZC
752	FA7T 2FP
753	MB8E 5FG
754	MP4L 4RT
755	TU0E 4TC
756	BT5T 2PT
757	NO3T 4PR
758	JV3G 9PH
759	JW6D 9QB
760	ES0B 1YF
761	XJ7I 1KK
762	BB5R 0QD
763	PL5A 2NE
764	AS4K 9PZ
765	AB8I 8DN
766	HY9P 5RK
767	GO0D 7IN
768	MM5L 1PC
769	XZ9H 6JT
770	ZE6E 4JU
771	QF3E 1IM
772	QN3B 3NQ
773	RY0Z 8WS
774	XD5H 1LC
775	DG2W 5DA
776	UZ6W 8SC
777	KQ5O 8JX
778	MZ0D 8NB
779	HD7R 7UP
780	EA8R 9DY
781	DK6W 5IT
782	BA4S 2AJ
783	BR5F 5FX
784	DJ5E 4VM
785	OR4K 3OX
786	KM3Z 0YK
787	PN9Y 0UV
788	YP7A 3FA
789	MQ7L 1AZ
790	XH9O 6VF
791	ZN5I 8ES
792	FA4A 5AA
793	XA9F 8XC
794	BS1W 8YE
795	DR5T 4JJ
796	YQ9T 1ME
797	XX9S 2QT
798	VP9T 0HH
799	JW6C 6EB
800	FI4S 6FT
801	WS9L 0UR
802	IA2Q 6WM
803	JA5D 5CE
804	DF2W 6EL
805	RS3T 0XW
806	IX6E 1BW
807	HH7T 2KJ
808	MZ0W 5HO
809	TX1E 3OA
810	AL3U 9JS
811	RA8G 7HV
812	RU7A 3MA
813	PV6U 3OY
814	SS9Q 8UK
815	GC5W 3XB
816	YV0Z 7TB
817	LJ3F 1MB
818	NL7C 0GW
819	NH6G 0QW
820	MH9B 1MD
821	PG0H 5OQ
822	FC5Y 3TQ
823	PV7O 0KL
824	TS7R 9CY
825	XQ8G 5QL
826	OU2T 9JC
827	RA5Q 6YB
828	FA2B 4VM
829	JB7X 6VY
830	ZE2Q 1OC
831	LR8L 7QZ
832	EO2G 0IG
833	XK1K 8MY
834	UF9N 6VE
835	UM5V 3BL
836	SH1Q 4RE
837	MF5L 7WW
838	TC5K 7PJ
839	YE5T 1XC
840	YS2C 9WH
841	ON4D 5CR
842	NL2Y 8AX
843	GU7U 4UO
844	KT1H 0IR
845	IL8M 7OD
846	OE6A 3IT
847	GK5U 6ZH
848	WG2T 8QL
849	LZ9I 2SM
850	XC7P 4VG
851	TD4V 5ZJ
852	PB4V 9XZ
853	LW9J 4ES
854	HQ9B 7QY
855	LF1L 0EX
856	RD1D 8XQ
857	XY2K 7PB
858	LU6H 0WZ
859	EK5T 7CI
860	VZ5Q 8GR
861	KC8D 6GZ
862	RF4M 6AF
863	KC1R 4GT
864	ZN7C 5WG
865	YJ1Q 5VA
866	RU5A 7GO
867	VB8Y 0QV
868	UR4V 9DK
869	WA2Q 9UL
870	FI5P 2XG
871	OI2N 6YK
872	IM1O 0TT
873	SF2K 6SR
874	VV7K 3EN
875	YD5H 8OM
876	GL7A 4VF
877	YP9G 6JS
878	OW4L 0WC
879	MW2C 0FN
880	RL0R 6XT
881	WA5F 8DB
882	YI6R 9WC
883	AH5A 2RX
884	AV8Q 7ZD
885	LB0C 4ZQ
886	KS2S 5MX
887	YL1V 3DI
888	GK5B 5RY
889	EI5S 6HW
890	GB9R 7GQ
891	YW3R 4ZW
892	BI6S 4KV
893	TA6U 2YY
894	SM3B 2JJ
895	FX3Z 8YL
896	MJ4O 6NI
897	BS9M 3NR
898	AC7Z 3SF
899	YF1T 4MQ
900	NT6K 0FX
901	LE4R 6RL
902	WV2D 7YE
903	QB9A 0YB
904	MB7D 7YH
905	KE2H 4UX
906	HF3Y 9OD
907	GN6P 2UM
908	ZZ5P 9WZ
909	EL8F 8WP
910	GG4C 4IY
911	YA0W 3DI
912	TM3W 7CZ
913	EC6N 1DN
914	PB4P 1CE
915	KQ5J 6WN
916	GT2C 4GT
917	XE7B 2SD
918	AV1A 0PY
919	SW7U 8CU
920	RI7I 8VE
921	PD3V 1BT
922	NG5J 7GB
923	CK6H 9BT
924	JW6D 5XL
925	ET3J 9EE
926	UJ3Q 3HD
927	QN1I 1XV
928	DE1O 4OR
929	HH9N 4US
930	HX7Y 9GM
931	WN1A 7UO
932	XC2T 5XH
933	JW8B 8QQ
934	AV1B 6BD
935	UJ8E 3JF
936	ED6E 1UV
937	MU1H 3CJ
938	VF6F 2CO
939	TN9I 6TS
940	GN5F 9ES
941	QI0J 0WW
942	ZH5A 2GR
943	UW3P 9FE
944	FC3H 4ON
945	RV3B 3LA
946	OR4U 6XH
947	KG1A 2UK
948	BA2D 2VA
949	WP7U 8VM
950	EC2Q 9LR
951	PR9S 4SF
952	LK9X 7GX
953	RY0Q 6GR
954	BP7D 0AK
955	AD3X 2KH
956	FH0H 0EW
957	DV3P 3YP
958	GY3D 7ZZ
959	DF8D 5YZ
960	YJ5X 7UM
961	KN9R 7ML
962	OX0C 8UO
963	NE2F 1PG
964	OB3N 2VP
965	ND2Y 7WE
966	DQ3V 2VY
967	QM6V 0RH
968	NH8D 3TF
969	PV0W 6SJ
970	GV5W 7EN
971	UM6Y 5BP
972	SC2R 8JV
973	OE7O 4CI
974	JP9V 1DU
975	EX2P 6BM
976	XW7K 0XF
977	DD9G 9LI
978	PA9N 0YK
979	YQ0S 6KX
980	OC0X 7WO
981	SG1V 5TA
982	CR8U 6WQ
983	QK2Q 5RG
984	AL0X 5IE
985	YV7Q 8NO
986	JS1T 2CC
987	FP4Z 5IJ
988	IR4F 1ZL
989	OW5N 6LX
990	GV8O 0UL
991	VI0Y 4DY
992	ZE3C 1DX
993	DF8R 7ER
994	OL4C 1QN
995	RZ9J 8NM
996	ZN3E 2XD
997	MK1C 1DZ
998	TF7J 8CW
999	DM9Q 4RI
1000	IM0A 2QS
\.
ANALYZE "pg_temp"."sqlsynth_pool_8";
CREATE TEMP TABLE "sqlsynth_pool_9" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.telephone (1000 values)
COPY "pg_temp"."sqlsynth_pool_9" (k, v) FROM STDIN;
1	01351 83030
2	020 0378 9622
3	026 2500 9954
4	0880 254 5195
5	0500 754992
6	0800 408 5650
7	01672 53151
8	0321 596 4220
9	0500 450492
10	+44 53 6727 4098
11	0800 510 0002
12	025 6446 6798
13	+44 69 2480 9967
14	0800 988 7698
15	0935 371 1896
16	01393 482178
17	+44 29 8409 3245
18	0114 106 1352
19	01627 402879
20	0344 591 8854
21	0500 532408
22	0816 623 4020
23	0819 570 4410
24	016977 3440
25	01289 08218
26	+44 38 2754 7617
27	0800 211349
28	+44 31 3895 0560
29	+44 77 5851 2934
30	0101 499 0043
31	0380 312 9727
32	056 5245 8840
33	024 0906 7762
34	0500 509035
35	0500 983687
36	0800 008162
37	016461 20954
38	01437 62843
39	0873 038 1645
40	022 6895 4679
41	056 2580 6146
42	0500 973558
43	055 3589 3850
44	01553 78544
45	0500 217272
46	0151 750 7867
47	013674 00093
48	029 1105 2003
49	024 2987 9376
50	016977 1493
51	+44 53 2349 7383
52	055 4617 0518
53	0113 760 9926
54	0805 810 5115
55	0344 778 7869
56	+44 99 7506 1185
57	0171 147 9842
58	+44 80 8206 9447
59	+44 36 2457 6829
60	01434 64875
61	01314 588890
62	0863 084 1737
63	0500 047865
64	0925 564 7571
65	0802 802 2961
66	0991 202 8975
67	056 1835 8296
68	0800 910 9848
69	0500 898769
70	0500 576400
71	016977 8147
72	0371 743 4241
73	056 5116 0070
74	0962 326 7678
75	016977 3091
76	0915 537 4461
77	0337 906 8455
78	055 2773 7244
79	0961 987 6435
80	01912 04277
81	0334 682 2415
82	0382 805 3814
83	01804 16142
84	0101 156 7864
85	0800 940 3727
86	013959 97877
87	0323 225 5941
88	0893 759 9091
89	0116 568 9768
90	0800 924926
91	0800 158 5868
92	0118 055 7101
93	0500 893733
94	0115 834 7595
95	025 9753 8205
96	024 1885 0913
97	0946 243 3010
98	01356 95267
99	0322 873 6369
100	016977 0048
101	0500 553525
102	016977 9902
103	0829 143 2037
104	0826 020 4371
105	01733 567079
106	0940 090 0400
107	01172 12986
108	016977 2770
109	+44 33 5846 9764
110	0151 422 7516
111	0800 868 3062
112	0860 648 4081
113	+44 61 2175 8040
114	023 7537 1830
115	+44 55 5034 2563
116	016977 8584
117	056 8715 1942
118	055 8023 1730
119	0114 161 2041
120	016977 1563
121	0101 090 6977
122	0121 008 0802
123	0312 030 4456
124	0171 414 7655
125	0800 330747
126	0832 692 2350
127	0119 986 0853
128	055 3274 2420
129	01062 403850
130	055 9604 5844
131	+44 32 1908 2099
132	016977 9953
133	0991 632 2288
134	0840 827 8054
135	010380 98437
136	0800 511 0780
137	0101 898 3334
138	01341 908428
139	0800 123 4966
140	016798 55174
141	055 1235 1464
142	055 4707 4052
143	056 4576 3636
144	0881 699 1124
145	0309 955 3743
146	01274 948883
147	0932 375 2821
148	016977 9896
149	0953 159 0384
150	016977 1372
151	0858 860 1496
152	01044 11231
153	0316 323 5737
154	01894 690317
155	056 1518 5127
156	016977 6365
157	055 2648 0587
158	0800 951805
159	0114 226 0406
160	0982 254 0488
161	0913 999 3505
162	022 2670 0127
163	01373 284685
164	0114 389 5440
165	0500 184339
166	0383 269 5408
167	055 2362 4852
168	+44 46 7821 4116
169	0500 780064
170	023 8497 3632
171	0112 522 5764
172	0800 599951
173	011526 40022
174	015550 15139
175	01448 110529
176	0342 983 4900
177	0117 276 4324
178	0113 169 8235
179	012458 34444
180	0161 524 5329
181	0111 830 1668
182	023 1178 2444
183	0853 208 7531
184	01599 609567
185	01098 774144
186	0191 985 5260
187	0110 156 8782
188	013275 90943
189	0113 244 6754
190	0500 930313
191	016977 5221
192	0500 648399
193	0500 504596
194	01642 794275
195	0364 929 7967
196	0829 094 8783
197	0800 726 0822
198	0906 650 6725
199	0111 571 0227
200	01879 352742
201	01301 816186
202	029 7945 1607
203	022 1115 7881
204	0982 785 2892
205	016977 6619
206	056 6025 4565
207	0800 081 3964
208	010267 40842
209	0800 551865
210	01825 62845
211	01518 411848
212	0866 843 3229
213	016977 3144
214	0800 814313
215	01265 94259
216	+44 30 1316 0793
217	016977 0090
218	0800 510170
219	016977 1445
220	01898 53196
221	0354 945 6218
222	024 7054 6720
223	+44 57 5500 2224
224	056 9771 1903
225	0832 872 2400
226	01789 60785
227	0500 964529
228	0112 164 4204
229	0141 379 0526
230	01334 116117
231	01857 844265
232	0112 688 5510
233	0500 615039
234	013349 42316
235	055 4026 5050
236	0800 429 5358
237	055 2463 9094
238	01802 75255
239	056 4795 5855
240	0111 537 5003
241	055 7441 0939
242	012232 68144
243	+44 43 9097 8179
244	012188 39066
245	055 6294 3512
246	0191 166 5687
247	0500 184804
248	055 3015 3331
249	055 9200 7800
250	0389 788 8209
251	01128 08657
252	01031 159184
253	0862 344 9219
254	0823 052 7872
255	0151 899 7772
256	0500 126425
257	056 5127 7366
258	0800 638 4526
259	014722 15219
260	0500 339301
261	01920 737645
262	0115 691 9196
263	01472 59596
264	0800 450869
265	020 7160 2616
266	01463 953255
267	056 1751 4307
268	022 8427 9960
269	0110 876 1798
270	056 0174 7111
271	0800 556 9023
272	01414 367225
273	0800 726 3262
274	0111 090 6890
275	0800 259487
276	0500 607392
277	0131 052 6024
278	+44 21 2226 5436
279	056 0306 4195
280	0191 649 0356
281	0800 391063
282	01391 98428
283	0852 942 9881
284	0809 547 9171
285	016977 6528
286	0171 947 6296
287	0958 434 4157
288	024 5977 1785
289	01488 49735
290	0500 685855
291	0344 589 4929
292	0324 820 6745
293	+44 40 0833 4669
294	027 6057 4721
295	0800 012 9563
296	01746 638016
297	0800 540805
298	01450 13942
299	025 5934 5734
300	023 9413 8581
301	0800 949 6424
302	01020 06608
303	0341 468 2257
304	0131 750 5411
305	0998 930 4392
306	0500 356646
307	055 3380 6084
308	+44 94 8375 2612
309	0800 785 6373
310	0500 109779
311	+44 45 0525 2143
312	023 8905 9841
313	055 5170 9993
314	0113 986 4392
315	01357 45747
316	0800 739854
317	01383 140657
318	0114 879 8724
319	+44 55 1103 4062
320	0800 378 3211
321	0101 347 9740
322	0894 503 8774
323	027 6640 1936
324	01959 000337
325	014209 92584
326	055 4198 6871
327	055 4435 7851
328	0800 754780
329	0800 021518
330	01668 228162
331	016977 2806
332	0114 957 3584
333	0800 162 8359
334	0151 142 3079
335	012006 07254
336	0800 228 0256
337	01379 047016
338	0941 613 2428
339	0116 666 2000
340	0800 092897
341	0141 278 8558
342	0800 694043
343	0859 995 9738
344	0346 212 3881
345	055 6344 0960
346	0117 779 6075
347	056 1844 7915
348	+44 35 0985 8455
349	01923 14015
350	056 3461 5047
351	055 7428 0237
352	0875 114 9195
353	0800 563 5637
354	055 5350 4488
355	0101 321 0069
356	+44 13 1722 0458
357	055 0966 0443
358	0500 860056
359	055 6399 9001
360	+44 19 6630 8841
361	018750 78591
362	01605 494312
363	028 6574 9969
364	012585 55495
365	0111 103 3681
366	0171 385 6920
367	+44 11 6126 4719
368	055 3701 0847
369	0800 502 8724
370	0901 244 9294
371	025 7134 1665
372	0800 714 6691
373	021 3336 2135
374	0500 382905
375	01184 455391
376	055 1446 6481
377	016977 9776
378	019116 91933
379	0800 921762
380	0821 770 6677
381	019200 37113
382	0171 087 9064
383	0816 362 5656
384	0800 516 8549
385	0500 368004
386	0827 147 6001
387	0500 472456
388	0335 963 3994
389	0118 735 9895
390	0111 608 4308
391	056 6162 4238
392	01022 719052
393	0151 091 2615
394	0800 174 8464
395	019867 43457
396	01956 70708
397	0111 740 9753
398	0800 798724
399	056 7857 2816
400	01320 23206
401	0800 618 1410
402	0905 179 7318
403	016977 6719
404	+44 95 8509 7375
405	011772 42933
406	0116 088 6385
407	0800 264856
408	015852 35052
409	0800 219 7012
410	0112 809 6900
411	0121 526 2880
412	014972 90330
413	0121 349 1510
414	0800 965 8789
415	+44 11 1947 6981
416	0111 249 0015
417	0800 560 9182
418	056 6808 5949
419	0800 219827
420	01155 454580
421	0500 930990
422	013766 08689
423	0800 434 8070
424	056 4288 4264
425	056 7372 3644
426	0961 655 6648
427	055 5154 5032
428	0131 499 6194
429	+44 85 8329 3924
430	055 0925 3930
431	056 8501 6810
432	014957 91762
433	0113 828 6022
434	+44 77 7032 0380
435	0800 755 9182
436	028 9956 6010
437	027 7010 9551
438	+44 01 4899 0417
439	01213 662095
440	055 3011 5211
441	056 5695 1235
442	+44 04 3229 7831
443	01661 161297
444	0800 928811
445	016977 9443
446	016977 6708
447	01335 615573
448	028 1532 5406
449	01695 807539
450	016977 3013
451	0500 876767
452	022 7135 7849
453	015481 95990
454	0800 958 6790
455	0112 146 5342
456	027 6573 3317
457	0500 769574
458	055 8414 6682
459	056 1898 5944
460	01165 34020
461	+44 90 4770 4073
462	0500 249711
463	0973 449 1886
464	0500 365667
465	01059 229676
466	013857 29058
467	017099 28600
468	0342 317 2422
469	0800 202426
470	01629 16868
471	027 1693 8743
472	0857 036 2273
473	056 2948 2820
474	0113 786 3775
475	0843 314 9132
476	0112 063 2823
477	029 9174 2820
478	055 7989 2487
479	+44 46 5990 7625
480	0111 814 7386
481	0800 574 6089
482	01406 332539
483	+44 12 4572 7776
484	+44 00 9934 6892
485	0958 736 0128
486	0500 427732
487	0800 298 7850
488	+44 94 0498 6005
489	0171 327 0982
490	0920 147 1864
491	0800 094 7452
492	0110 139 2398
493	+44 97 8734 3790
494	016270 39778
495	0800 537 1570
496	055 1363 2680
497	01194 12891
498	055 9694 3900
499	0800 040 5871
500	01515 240465
501	055 0839 9038
502	024 3617 8000
503	0111 506 5030
504	055 2976 8307
505	055 9780 3489
506	016977 1941
507	016977 4741
508	056 6997 8805
509	0110 765 4618
510	025 5036 0787
511	0894 626 0504
512	01232 00274
513	0359 014 7103
514	0360 254 6969
515	023 2276 4051
516	+44 48 2676 6693
517	0800 474048
518	0333 944 6358
519	013920 95814
520	01723 42957
521	0117 718 7776
522	+44 94 2903 2757
523	0500 682402
524	0121 133 8709
525	055 6961 8222
526	056 5705 3978
527	018760 59899
528	016977 8606
529	0110 479 7403
530	01720 239245
531	021 9168 7746
532	01054 980829
533	055 8710 8278
534	012839 04970
535	0151 009 0657
536	0941 895 0810
537	016977 1720
538	056 8843 9190
539	0860 912 0118
540	0800 878 3543
541	+44 42 2094 0754
542	0141 482 3030
543	01264 87768
544	01396 11917
545	016977 4965
546	0917 233 6470
547	01247 96602
548	01663 950688
549	0358 112 3532
550	0952 027 9755
551	0101 436 7720
552	0908 444 9579
553	01972 76578
554	013351 80895
555	01939 80096
556	0111 549 0472
557	016977 3985
558	0366 005 6038
559	0500 324127
560	01330 12140
561	055 8542 0779
562	+44 03 8409 6470
563	0801 372 8370
564	0800 115779
565	0113 671 6153
566	+44 79 3883 9593
567	0985 954 1083
568	01850 594587
569	0116 821 9609
570	056 8202 3206
571	0800 492 3891
572	0500 009834
573	0993 096 2493
574	01206 27541
575	01233 44476
576	01167 282015
577	021 7058 5077
578	0115 602 9054
579	0800 086430
580	01236 211740
581	056 9616 2355
582	0999 164 6794
583	01163 89047
584	+44 15 0390 4435
585	016977 4139
586	012961 16406
587	+44 65 0030 4309
588	+44 94 8996 9364
589	0800 451238
590	012438 00581
591	0800 620753
592	0823 736 2131
593	055 5562 1683
594	055 3840 7623
595	0121 187 2120
596	0113 615 1929
597	0101 152 0750
598	0800 461750
599	+44 00 6497 2005
600	0119 121 3582
601	0800 242 2492
602	01050 233286
603	056 7909 4429
604	055 7714 1523
605	056 8011 2193
606	+44 20 2037 9329
607	0800 054 5582
608	0116 991 3987
609	0811 660 2298
610	0800 528 7997
611	01637 493257
612	0191 106 0688
613	0304 181 2594
614	016977 5614
615	0500 208182
616	0161 816 1741
617	056 0393 0471
618	0119 730 0459
619	0955 580 8953
620	0500 244135
621	014389 75481
622	01332 715899
623	016977 1975
624	01075 245573
625	01486 59962
626	055 0611 8389
627	0840 105 6231
628	01896 389013
629	0984 949 9023
630	056 8267 3786
631	01155 52938
632	0500 108631
633	0500 805559
634	0979 595 6156
635	055 7415 6389
636	055 2077 1806
637	015183 65855
638	0800 385402
639	0117 889 8442
640	0800 492 9672
641	+44 73 5124 9027
642	0902 076 4974
643	0800 413631
644	056 7098 0190
645	+44 47 0665 2353
646	056 8450 0532
647	0191 974 7594
648	056 9107 0751
649	0894 893 3305
650	0343 357 2892
651	0800 246026
652	022 9665 2170
653	0141 474 9937
654	01944 21341
655	0191 191 3508
656	016977 7299
657	0116 024 4605
658	0500 525368
659	055 5671 1751
660	025 6127 0129
661	055 2900 9734
662	0500 679813
663	0500 329331
664	0995 927 4476
665	0116 548 6865
666	0500 482809
667	0972 818 3305
668	056 6094 8146
669	020 2564 9239
670	0500 985428
671	01705 19779
672	0118 523 1201
673	0332 209 8215
674	0800 138 2859
675	0800 471 3328
676	014180 88829
677	056 8845 3533
678	0141 527 8085
679	0825 677 1872
680	027 2443 2356
681	015750 23324
682	0500 441172
683	0800 105485
684	0500 560237
685	055 7977 9336
686	0171 624 9538
687	01294 66054
688	0171 777 8313
689	01606 111202
690	0838 760 7845
691	0836 296 7522
692	0930 728 6949
693	0837 406 3341
694	0110 406 3808
695	0118 127 5155
696	022 7506 5382
697	0800 489 7700
698	0131 049 3566
699	0117 531 3954
700	016509 62196
701	0110 555 6638
702	0800 724761
703	0800 549 7808
704	0866 393 1785
705	0115 424 9850
706	056 6052 3256
707	0500 514715
708	0800 228 8164
709	016977 4454
710	016977 8411
711	0916 404 7112
712	+44 02 7675 2396
713	01791 01386
714	0931 216 1318
715	01192 154470
716	01381 541971
717	017270 16871
718	01401 53007
719	0812 570 2214
720	016977 2518
721	022 0958 4122
722	0800 092 4547
723	01428 269486
724	0940 480 1067
725	016977 1069
726	0500 592391
727	055 4452 9625
728	0887 758 2402
729	0934 982 0115
730	0916 366 0196
731	0957 464 8007
732	0151 656 3091
733	0118 109 9497
734	016977 8655
735	0847 586 5534
736	0962 839 5719
737	0883 023 3292
738	01061 336377
739	0800 558 2837
740	0866 296 2457
741	0359 665 6169
742	+44 04 0311 6744
743	0325 930 5354
744	0972 371 7071
745	056 2440 6692
746	056 7748 5948
747	01146 83350
748	0800 698623
749	0111 554 5655
750	0500 957214
751	01240 031335
752	01769 05876
753	010755 06879
754	01426 211184
755	0119 157 5026
756	022 4774 6474
757	021 4813 9444
758	0141 376 8186
759	056 0930 4011
760	055 3990 2062
761	0800 889 4406
762	0115 339 1716
763	055 4628 2077
764	0800 625 2048
765	016054 69462
766	016977 4963
767	0859 423 6803
768	01946 522462
769	0855 458 8595
770	+44 26 2471 9722
771	0171 240 6898
772	025 9343 6125
773	0322 296 8199
774	016977 4076
775	+44 71 4572 8140
776	01097 316594
777	016046 67832
778	0800 676465
779	0942 056 2909
780	056 1805 0337
781	01540 973958
782	+44 70 4911 7822
783	0151 809 5970
784	0883 352 4780
785	0800 821 6168
786	0964 348 5452
787	0800 590236
788	0800 829179
789	0800 922 5378
790	055 0751 8618
791	0114 024 7975
792	0131 308 0651
793	01090 65611
794	0500 052321
795	01677 23360
796	056 3910 9045
797	014255 84379
798	016977 3312
799	0151 389 0258
800	+44 29 8143 5838
801	0500 851434
802	0111 301 2269
803	025 5708 2290
804	0845 213 3288
805	056 7042 8666
806	0813 694 1266
807	0800 819581
808	016977 5941
809	017678 31690
810	016977 0584
811	011057 85515
812	0876 456 6961
813	01734 05384
814	016036 39884
815	0800 792 8148
816	0191 977 3918
817	01339 15146
818	0915 618 3439
819	01934 02501
820	0931 094 1397
821	0800 947 8788
822	0500 466952
823	0992 787 7083
824	0800 802694
825	01511 632892
826	0116 598 4221
827	056 5331 4993
828	0975 452 5945
829	015910 48038
830	01285 02411
831	0800 770382
832	01742 03028
833	055 0765 5195
834	0393 664 7160
835	018550 71964
836	0500 421352
837	018521 96154
838	0832 171 5237
839	0171 126 3632
840	0304 246 0622
841	0116 445 4808
842	0191 334 5451
843	01411 89005
844	01584 706771
845	016317 30304
846	0394 070 6314
847	0340 488 6184
848	0500 396362
849	055 7814 4389
850	056 8019 2058
851	056 1095 7525
852	01574 320282
853	0191 127 5020
854	055 6404 5717
855	056 4649 4356
856	0800 070 8958
857	013289 38902
858	0987 229 0462
859	016977 5884
860	0800 641 2252
861	016977 9111
862	0118 512 9216
863	0943 419 7437
864	056 2094 0481
865	0800 935 5498
866	0500 753059
867	+44 97 9221 9146
868	010346 41534
869	01794 046984
870	+44 78 5979 6415
871	0987 532 6121
872	+44 78 9703 3998
873	0903 782 0177
874	01837 26829
875	0937 925 9552
876	027 1232 2194
877	016138 83457
878	01819 07953
879	056 2093 3694
880	0800 176 7984
881	0384 864 6103
882	01668 728972
883	+44 43 9547 1164
884	0800 964468
885	056 3056 7651
886	029 9474 4268
887	01957 38816
888	0356 309 3764
889	0996 959 5041
890	0500 565155
891	056 6018 0336
892	0974 721 1144
893	0116 997 6595
894	011436 55305
895	+44 40 7358 5310
896	055 6222 7001
897	028 9884 1614
898	+44 18 3280 6874
899	01183 55013
900	0500 293477
901	+44 16 9624 2805
902	011997 50503
903	055 1899 9038
904	0968 839 1680
905	0161 216 8350
906	056 9430 5989
907	0909 059 4572
908	016977 1638
909	0111 986 4955
910	+44 38 0863 9233
911	+44 76 8764 2071
912	0934 356 9225
913	0964 155 3906
914	01816 262429
915	0338 760 9996
916	0373 110 5176
917	016977 8381
918	010242 04843
919	0181 045 7268
920	01283 22372
921	0116 321 4730
922	0394 095 7918
923	016977 7959
924	0916 626 8074
925	0114 719 9077
926	018810 20406
927	0500 239905
928	+44 79 4544 4729
929	023 3561 6255
930	01280 971901
931	0800 446 8667
932	0118 868 2168
933	0999 666 4980
934	0131 792 8239
935	0949 383 3540
936	018340 53858
937	0809 131 6571
938	+44 94 0895 6833
939	0338 403 2306
940	01029 716470
941	0116 577 8990
942	01190 113617
943	055 9199 6273
944	055 1477 5768
945	01924 167065
946	0500 024243
947	0920 565 4355
948	0500 967982
949	0117 094 0397
950	+44 81 5433 8316
951	+44 67 6872 7607
952	0394 597 6823
953	0500 338627
954	0500 291691
955	0500 098627
956	016977 7075
957	0800 004329
958	01833 340794
959	0369 621 3873
960	056 6481 1083
961	0946 092 2601
962	0111 996 6603
963	01401 73817
964	025 4480 9644
965	0500 470667
966	056 9820 9231
967	0800 102 4584
968	0800 972 0328
969	0111 245 1399
970	0119 123 3208
971	0113 461 0951
972	055 0812 3039
973	0396 576 4363
974	016977 0078
975	055 1604 9945
976	056 0514 7414
977	018142 42029
978	0800 316602
979	027 8564 7380
980	0904 830 4024
981	056 4180 1731
982	0800 730182
983	016977 5573
984	0800 672614
985	01117 685617
986	016977 7801
987	016977 0441
988	056 0132 5262
989	015048 61444
990	0181 513 0338
991	055 9039 3546
992	+44 17 2789 9975
993	023 8730 9870
994	0500 337885
995	016977 3283
996	0500 132584
997	0115 582 2879
998	01352 288398
999	0800 130 1004
1000	055 1284 4587
\.
ANALYZE "pg_temp"."sqlsynth_pool_9";
CREATE TEMP TABLE "sqlsynth_pool_10" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.language (97 values)
COPY "pg_temp"."sqlsynth_pool_10" (k, v) FROM STDIN;
1	Tok Pisin
2	Tswana
3	Northern Sotho
4	Malayalam
5	Belarusian
6	Norwegian
7	Dhivehi
8	Nepali
9	Punjabi
10	Aymara
11	Hungarian
12	Russian
13	Sotho
14	German
15	Armenian
16	Azeri
17	West Frisian
18	Hindi
19	Thai
20	Georgian
21	Czech
22	French
23	Danish
24	Estonian
25	Kashmiri
26	Finnish
27	Korean
28	Burmese
29	Lithuanian
30	Montenegrin
31	Khmer
32	Marathi
33	Somali
34	Macedonian
35	Amharic
36	Portuguese
37	Hiri Motu
38	Japanese
39	Fijian
40	Croatian
41	Kurdish
42	Ndebele
43	Oriya
44	Arabic
45	Tajik
46	Malagasy
47	Swedish
48	English
49	Albanian
50	Bislama
51	Pashto
52	Māori
53	Dzongkha
54	Swahili
55	Lao
56	Persian
57	Tamil
58	Hebrew
59	Icelandic
60	Polish
61	Afrikaans
62	Yiddish
63	Bulgarian
64	Italian
65	Tetum
66	Swati
67	Dari
68	Mongolian
69	Bengali
70	Filipino
71	Spanish
72	Papiamento
73	Indonesian
74	Kazakh
75	Moldovan
76	Guaraní
77	Assamese
78	Romanian
79	Quechua
80	Irish Gaelic
81	Catalan
82	Zulu
83	Maltese
84	Greek
85	Kyrgyz
86	Luxembourgish
87	Haitian Creole
88	Gujarati
89	Latvian
90	Gagauz
91	Dutch
92	Tsonga
93	Kannada
94	Chinese
95	Malay
96	Telugu
97	Bosnian
\.
ANALYZE "pg_temp"."sqlsynth_pool_10";
CREATE TEMP TABLE "sqlsynth_pool_11" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.text.word (1000 values)
COPY "pg_temp"."sqlsynth_pool_11" (k, v) FROM STDIN;
1	devil
2	allow
3	realized
4	dos
5	acid
6	franchise
7	physical
8	anime
9	turned
10	appreciate
11	american
12	respectively
13	installation
14	methods
15	break
16	el
17	french
18	malaysia
19	additional
20	coach
21	surf
22	app
23	sr
24	others
25	strike
26	ordinary
27	mostly
28	ap
29	must
30	workforce
31	additions
32	often
33	usb
34	now
35	photoshop
36	defence
37	euro
38	frequency
39	wars
40	circuit
41	publications
42	lcd
43	pleased
44	applications
45	avatar
46	hundreds
47	midnight
48	deliver
49	random
50	personals
51	linear
52	victim
53	acquired
54	stuff
55	detail
56	stroke
57	navigation
58	infrastructure
59	xbox
60	scenes
61	cloud
62	ncaa
63	trade
64	marketing
65	marc
66	launched
67	together
68	semester
69	offering
70	protocol
71	stretch
72	messages
73	number
74	jewelry
75	work
76	formats
77	present
78	courtesy
79	serving
80	estimated
81	local
82	points
83	cultures
84	ice
85	other
86	single
87	survey
88	submit
89	speaker
90	archived
91	new
92	sites
93	session
94	hats
95	wedding
96	funny
97	lodge
98	reply
99	assistant
100	announce
101	franklin
102	kids
103	affordable
104	headset
105	traditional
106	echo
107	aluminum
108	composition
109	jam
110	chip
111	parent
112	meal
113	revenues
114	debate
115	stats
116	shown
117	total
118	outdoor
119	grant
120	display
121	practice
122	drinks
123	good
124	professional
125	tm
126	alien
127	chris
128	control
129	orders
130	turkey
131	holland
132	shaped
133	finger
134	leisure
135	feeds
136	the
137	channel
138	rating
139	patches
140	genuine
141	native
142	portion
143	photographer
144	fox
145	including
146	roger
147	village
148	upper
149	attorneys
150	job
151	sm
152	hosted
153	reflect
154	eating
155	box
156	deals
157	spanish
158	assets
159	desired
160	tracker
161	clearly
162	diego
163	diary
164	became
165	deep
166	ladies
167	diet
168	carrying
169	width
170	records
171	gives
172	take
173	mapping
174	experienced
175	quote
176	shorts
177	melbourne
178	fax
179	ai
180	reads
181	schedules
182	september
183	finally
184	consistent
185	vista
186	smoking
187	recommended
188	dedicated
189	ups
190	month
191	packs
192	rescue
193	glass
194	ab
195	possibility
196	volunteer
197	messaging
198	con
199	previously
200	electronics
201	full
202	straight
203	golf
204	religious
205	test
206	islands
207	tool
208	lg
209	streets
210	server
211	castle
212	hood
213	satisfaction
214	cited
215	code
216	socket
217	speed
218	dreams
219	lo
220	family
221	events
222	fact
223	wisdom
224	hall
225	instance
226	once
227	delivery
228	wrestling
229	approach
230	front
231	gulf
232	dna
233	country
234	brass
235	angel
236	tablet
237	pages
238	boundary
239	specialty
240	headquarters
241	hong
242	well
243	essays
244	if
245	operators
246	complexity
247	cp
248	buddy
249	development
250	transit
251	wisconsin
252	ram
253	abc
254	past
255	versions
256	far
257	rentals
258	finding
259	prince
260	finish
261	ball
262	gnu
263	pictures
264	principle
265	sure
266	can
267	limits
268	objective
269	fotos
270	affiliated
271	implemented
272	experience
273	combat
274	applicable
275	workers
276	boxes
277	snow
278	honda
279	band
280	client
281	workshop
282	greatest
283	seek
284	lose
285	pee
286	electronic
287	committee
288	jp
289	pan
290	terry
291	coupons
292	connecticut
293	signals
294	win
295	considerable
296	checkout
297	convert
298	those
299	moments
300	functionality
301	light
302	moral
303	yellow
304	maintain
305	congress
306	equity
307	could
308	facility
309	sorry
310	foundation
311	lecture
312	fresh
313	vacation
314	elite
315	oldest
316	coaching
317	matches
318	mon
319	definitions
320	looking
321	donation
322	ancient
323	named
324	masters
325	probably
326	intelligent
327	output
328	die
329	selling
330	son
331	attend
332	whether
333	funds
334	book
335	absolutely
336	army
337	rock
338	low
339	lots
340	pop
341	seconds
342	answered
343	chemical
344	submitted
345	felt
346	does
347	pottery
348	mysql
349	expectations
350	producing
351	memorial
352	brian
353	featuring
354	san
355	this
356	constructed
357	thread
358	curriculum
359	commitment
360	delivered
361	hospital
362	wearing
363	smart
364	figure
365	telecommunications
366	trademark
367	historical
368	cleveland
369	enter
370	car
371	fire
372	ibm
373	special
374	vendor
375	bt
376	resorts
377	contributed
378	negative
379	defense
380	movies
381	markets
382	larger
383	dead
384	style
385	joining
386	memories
387	worst
388	que
389	lawn
390	who
391	outlet
392	mill
393	holders
394	treatments
395	gbp
396	const
397	weight
398	visitors
399	verify
400	publishers
401	young
402	fusion
403	sms
404	express
405	reserved
406	eye
407	chat
408	visual
409	processor
410	advertisers
411	font
412	split
413	jeff
414	hero
415	permanent
416	toll
417	share
418	usage
419	ongoing
420	statutory
421	away
422	besides
423	obligations
424	equipped
425	binding
426	metabolism
427	section
428	teenage
429	arcade
430	below
431	fashion
432	tone
433	kingdom
434	trusted
435	classroom
436	automatic
437	donald
438	poster
439	fix
440	include
441	mom
442	hence
443	residential
444	user
445	practices
446	bankruptcy
447	drugs
448	failed
449	score
450	seniors
451	line
452	cpu
453	feeling
454	group
455	partner
456	statement
457	educational
458	hs
459	presentation
460	dream
461	strategic
462	sessions
463	wall
464	sunglasses
465	consultation
466	francisco
467	homepage
468	knowledge
469	cookies
470	pl
471	vitamin
472	convenience
473	faq
474	clinic
475	calendar
476	extract
477	comparison
478	enemy
479	collaboration
480	consideration
481	dsl
482	ion
483	whenever
484	parenting
485	luck
486	zdnet
487	filter
488	springs
489	data
490	stores
491	guinea
492	explains
493	mountain
494	pdas
495	resolve
496	babies
497	jonathan
498	applicants
499	released
500	exposed
501	pizza
502	extras
503	tournament
504	date
505	happen
506	sort
507	iron
508	aircraft
509	cooperation
510	tag
511	brad
512	analyst
513	gambling
514	japan
515	lake
516	remained
517	minority
518	illinois
519	develop
520	overnight
521	ski
522	twenty
523	larry
524	coordination
525	cheese
526	breakfast
527	van
528	spirit
529	picked
530	pupils
531	contrast
532	fill
533	bags
534	appearing
535	working
536	bidder
537	leather
538	plus
539	christ
540	back
541	nurses
542	your
543	into
544	arkansas
545	subject
546	configure
547	consultants
548	ir
549	round
550	wow
551	belt
552	lan
553	thru
554	fabric
555	museums
556	follow
557	healthcare
558	shoe
559	payable
560	outline
561	cards
562	wear
563	inventory
564	ny
565	lol
566	dirty
567	fish
568	alternate
569	russia
570	quantity
571	bits
572	avenue
573	laboratory
574	procurement
575	av
576	zoom
577	sellers
578	cream
579	pittsburgh
580	crafts
581	violent
582	removed
583	electricity
584	explore
585	assembly
586	physicians
587	pc
588	seeker
589	too
590	micro
591	slip
592	drink
593	collectables
594	turn
595	easily
596	domestic
597	fits
598	charlotte
599	leading
600	photograph
601	ben
602	fitness
603	reg
604	brand
605	their
606	egypt
607	directories
608	diving
609	lane
610	tax
611	logic
612	lens
613	medication
614	seem
615	fellow
616	jews
617	duties
618	filled
619	machinery
620	gift
621	suggests
622	promise
623	governments
624	attachment
625	agreed
626	wish
627	formula
628	says
629	mortgage
630	spa
631	fl
632	outcomes
633	certified
634	start
635	poverty
636	specialized
637	maine
638	dated
639	desire
640	compression
641	proposals
642	walking
643	excess
644	leadership
645	ear
646	journey
647	hollywood
648	highly
649	ok
650	appliances
651	tours
652	includes
653	powder
654	much
655	strategies
656	intervention
657	institute
658	pics
659	baltimore
660	conversation
661	determination
662	involvement
663	eg
664	brokers
665	summer
666	corresponding
667	variable
668	heat
669	sydney
670	carry
671	maryland
672	character
673	navy
674	katrina
675	reform
676	claimed
677	quotes
678	raw
679	discussed
680	permission
681	towns
682	antonio
683	sacramento
684	channels
685	speaking
686	association
687	communicate
688	mesh
689	remote
690	elsewhere
691	developed
692	nec
693	twelve
694	tip
695	ceiling
696	implement
697	hp
698	tennessee
699	frequently
700	dialogue
701	mini
702	love
703	gallery
704	leads
705	archives
706	processed
707	trace
708	litigation
709	polyphonic
710	crown
711	opposite
712	athens
713	war
714	shops
715	awareness
716	grow
717	china
718	collins
719	thai
720	enabled
721	budget
722	adults
723	jordan
724	memorabilia
725	king
726	writer
727	waves
728	nation
729	linda
730	complex
731	row
732	set
733	mpeg
734	resistance
735	college
736	pricing
737	trim
738	effectively
739	required
740	cultural
741	attribute
742	daily
743	match
744	api
745	update
746	proceedings
747	legislature
748	english
749	launch
750	folks
751	got
752	creator
753	ready
754	up
755	debt
756	never
757	expertise
758	pregnancy
759	missouri
760	william
761	funded
762	like
763	kick
764	assume
765	personnel
766	catalog
767	feels
768	symptoms
769	mr
770	remember
771	crisis
772	allocated
773	advisory
774	availability
775	guide
776	click
777	trading
778	theory
779	montreal
780	jamaica
781	general
782	its
783	lessons
784	baby
785	already
786	parameter
787	pride
788	glasses
789	saved
790	store
791	left
792	transport
793	upon
794	soon
795	improvements
796	holder
797	singer
798	closer
799	computing
800	technique
801	blvd
802	americans
803	standing
804	counsel
805	able
806	angeles
807	heard
808	pat
809	generic
810	happens
811	in
812	really
813	hours
814	bar
815	destination
816	td
817	prospective
818	patterns
819	martin
820	cassette
821	paintings
822	foto
823	final
824	thus
825	border
826	fee
827	recommendation
828	animal
829	complaints
830	divorce
831	sharon
832	mi
833	knife
834	planned
835	ta
836	bureau
837	dispatched
838	added
839	msg
840	cut
841	beta
842	downloaded
843	seeking
844	counseling
845	necessarily
846	correction
847	apache
848	directions
849	villa
850	confirmed
851	rated
852	silent
853	opera
854	latinas
855	clinton
856	busy
857	posts
858	seal
859	singles
860	progressive
861	cartridges
862	youth
863	mouse
864	remarks
865	models
866	pets
867	talk
868	extensive
869	reviewer
870	volume
871	miscellaneous
872	indoor
873	anyway
874	lower
875	political
876	almost
877	hybrid
878	kate
879	surveys
880	lack
881	mn
882	shape
883	canada
884	mobility
885	refund
886	rear
887	dynamics
888	tabs
889	juice
890	solid
891	asian
892	kinds
893	oral
894	sporting
895	discuss
896	cold
897	louis
898	offered
899	airline
900	player
901	spending
902	wins
903	deck
904	converted
905	spectrum
906	avoid
907	totally
908	thirty
909	strong
910	immigration
911	without
912	northeast
913	wonder
914	provision
915	frank
916	reach
917	laptops
918	phoenix
919	disc
920	coordinator
921	pills
922	knight
923	ebony
924	refer
925	week
926	regional
927	tissue
928	milwaukee
929	preliminary
930	most
931	republican
932	describe
933	disabled
934	worked
935	womens
936	nw
937	liquid
938	secretary
939	depends
940	ra
941	biological
942	accounts
943	party
944	gang
945	camp
946	club
947	attributes
948	locator
949	purchases
950	heart
951	basin
952	flows
953	feature
954	themes
955	agricultural
956	suggest
957	immediate
958	facilitate
959	falling
960	states
961	provides
962	require
963	jul
964	target
965	lisa
966	duke
967	alcohol
968	containing
969	handheld
970	manager
971	operations
972	henry
973	trucks
974	worse
975	circumstances
976	dress
977	george
978	administrator
979	even
980	fell
981	courses
982	apply
983	increases
984	ill
985	reliability
986	lifestyle
987	pro
988	effects
989	buildings
990	gloves
991	industries
992	agency
993	hello
994	popularity
995	critical
996	spy
997	smooth
998	levels
999	get
1000	supervisor
\.
ANALYZE "pg_temp"."sqlsynth_pool_11";
CREATE TEMP TABLE "sqlsynth_pool_12" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.text.sentence (28 values)
COPY "pg_temp"."sqlsynth_pool_12" (k, v) FROM STDIN;
1	He looked inquisitively at his keyboard and wrote another sentence.
2	The arguments can be primitive data types or compound data types.
3	Messages can be sent to and received from ports, but these messages must obey the so-called "port protocol."
4	Ports are used to communicate with the external world.
5	Erlang is known for its designs that are well suited for systems.
6	Make me a sandwich.
7	Any element of a tuple can be accessed in constant time.
8	The Galactic Empire is nearing completion of the Death Star, a space station with the power to destroy entire planets.
9	Do you have any idea why this is not working?
10	Erlang is a general-purpose, concurrent, functional programming language.
11	Tuples are containers for a fixed number of Erlang data types.
12	The sequential subset of Erlang supports eager evaluation, single assignment, and dynamic typing.
13	Do you come here often?
14	Its main implementation is the Glasgow Haskell Compiler.
15	In 1989 the building was heavily damaged by fire, but it has since been restored.
16	She spent her earliest years reading classic literature, and writing poetry.
17	Atoms can contain any character if they are enclosed within single quotes and an escape convention exists which allows any character to be used within an atom.
18	Haskell features a type system with type inference and lazy evaluation.
19	Ports are created with the built-in function open_port.
20	Haskell is a standardized, general-purpose purely functional programming language, with non-strict semantics and strong static typing.
21	I don't even care.
22	They are written as strings of consecutive alphanumeric characters, the first character being lowercase.
23	Where are my pants?
24	The syntax {D1,D2,...,Dn} denotes a tuple whose arguments are D1, D2, ... Dn.
25	Type classes first appeared in the Haskell programming language.
26	Atoms are used within a program to denote distinguished values.
27	Initially composing light-hearted and irreverent works, he also wrote serious, sombre and religious pieces beginning in the 1930s.
28	It is also a garbage-collected runtime system.
\.
ANALYZE "pg_temp"."sqlsynth_pool_12";
CREATE TEMP TABLE "sqlsynth_pool_13" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.email (1000 values)
COPY "pg_temp"."sqlsynth_pool_13" (k, v) FROM STDIN;
1	ericsson1996@yahoo.com
2	fathers1908@yandex.com
3	thanks1924@yandex.com
4	compile1898@yandex.com
5	full2019@example.org
6	wheels1898@live.com
7	day1856@live.com
8	track2057@outlook.com
9	loving2035@duck.com
10	subsequently2074@live.com
11	indians1930@gmail.com
12	arcade2017@yandex.com
13	campaign1999@outlook.com
14	interpretation1987@example.org
15	detail1882@example.com
16	niger2072@outlook.com
17	reseller1907@outlook.com
18	lined1887@duck.com
19	dry2094@outlook.com
20	gerald1978@example.com
21	suspended1839@example.com
22	bless1926@yahoo.com
23	away1914@example.org
24	documents1983@example.com
25	environment1939@example.org
26	munich2072@example.com
27	partial1956@duck.com
28	divx1807@duck.com
29	extend1890@yahoo.com
30	take1978@example.com
31	publication1874@yahoo.com
32	precious1820@example.com
33	announcements2032@yahoo.com
34	activists1987@outlook.com
35	alone1986@yahoo.com
36	perform1980@protonmail.com
37	incidence1958@yahoo.com
38	filename1828@protonmail.com
39	relying2077@live.com
40	islands2041@yahoo.com
41	extras2075@yandex.com
42	premium1900@live.com
43	forced1913@live.com
44	oldest2007@duck.com
45	gazette1903@live.com
46	zope1815@outlook.com
47	experts2072@duck.com
48	enterprises2093@example.com
49	french1919@protonmail.com
50	wide2013@yahoo.com
51	numbers1898@yahoo.com
52	radical1956@example.com
53	circulation1878@yahoo.com
54	rfc1948@yandex.com
55	sometimes2010@duck.com
56	loop1862@outlook.com
57	glass1803@gmail.com
58	nominations1972@yandex.com
59	fate1947@protonmail.com
60	interracial1815@live.com
61	henderson1885@outlook.com
62	picking1858@example.org
63	strictly1907@protonmail.com
64	showers2002@outlook.com
65	reserves2065@example.org
66	articles1804@live.com
67	specials2056@live.com
68	equivalent2008@example.org
69	explaining1852@duck.com
70	stack2071@protonmail.com
71	protecting1957@live.com
72	usb1988@example.org
73	magnet1885@gmail.com
74	fighting2050@yandex.com
75	compliant2071@example.com
76	html1852@outlook.com
77	fly1911@example.com
78	larger2073@protonmail.com
79	eagle1822@example.org
80	polymer1928@yandex.com
81	prior2023@yahoo.com
82	undertaken2029@example.com
83	moderate2025@protonmail.com
84	alphabetical1800@outlook.com
85	practitioner1843@live.com
86	helps1969@gmail.com
87	raises1992@yahoo.com
88	schedule1923@protonmail.com
89	def1904@yandex.com
90	final1824@example.org
91	perry2023@example.com
92	resist1975@yandex.com
93	bryan1802@outlook.com
94	specifies2009@live.com
95	printing1805@yandex.com
96	ours1968@outlook.com
97	suggestion1919@yandex.com
98	recording2056@live.com
99	fist1850@protonmail.com
100	greensboro1918@live.com
101	ratio1836@duck.com
102	realm2050@example.com
103	pulse1967@live.com
104	gifts2089@example.org
105	aggregate1959@live.com
106	declaration1824@yandex.com
107	doors2088@outlook.com
108	sampling2010@gmail.com
109	double1826@outlook.com
110	thee1916@protonmail.com
111	runtime2085@example.org
112	videos2037@gmail.com
113	nashville2092@live.com
114	biol1981@yandex.com
115	enrolled2099@example.com
116	drainage2006@live.com
117	trans1899@protonmail.com
118	institutions1916@yandex.com
119	same1888@example.com
120	dark2061@protonmail.com
121	satisfy1815@example.com
122	prefers1880@protonmail.com
123	tabs1809@example.org
124	morrison2016@example.org
125	institutions1888@live.com
126	quantity1841@yandex.com
127	study1801@live.com
128	frog1822@yandex.com
129	demand2005@live.com
130	restricted1940@yandex.com
131	underwear2079@live.com
132	realty1991@protonmail.com
133	phrase1845@live.com
134	metals1894@gmail.com
135	deals1987@example.org
136	gambling1960@example.org
137	holidays2005@outlook.com
138	jpg2096@outlook.com
139	rows1938@duck.com
140	undefined1941@outlook.com
141	prisoner1889@example.com
142	tournaments2093@yandex.com
143	van1998@yandex.com
144	briefing2002@live.com
145	cohen1935@duck.com
146	chapters1857@example.com
147	attitude1965@outlook.com
148	baskets1826@duck.com
149	picking2071@live.com
150	characterized1878@live.com
151	conflict2055@protonmail.com
152	peaceful2028@yahoo.com
153	titanium1982@gmail.com
154	pants2092@example.org
155	sandy2098@yahoo.com
156	pattern2014@example.org
157	measurement1800@yahoo.com
158	pendant1924@gmail.com
159	land2064@outlook.com
160	nightmare2095@example.org
161	cleaner1806@protonmail.com
162	mini1828@yandex.com
163	mad1881@example.com
164	balance1805@yandex.com
165	scratch1951@duck.com
166	tells1936@yandex.com
167	divide1809@live.com
168	cosmetic1977@outlook.com
169	seeds2040@yandex.com
170	rouge1930@example.com
171	funded1882@example.org
172	seemed2027@live.com
173	appraisal1991@example.com
174	manufactured1897@yandex.com
175	mode2025@protonmail.com
176	bunch1942@outlook.com
177	electrical1942@yandex.com
178	ppc1936@yandex.com
179	miniature2077@live.com
180	skirt2023@protonmail.com
181	jack2046@yahoo.com
182	yacht1905@example.org
183	frederick1916@yandex.com
184	genre1831@yandex.com
185	antonio2029@example.org
186	friend1946@yandex.com
187	solar1990@yandex.com
188	sphere1835@outlook.com
189	highs1981@yandex.com
190	configurations1859@duck.com
191	migration2082@yandex.com
192	almost1980@yandex.com
193	thumb1921@protonmail.com
194	describe1887@live.com
195	jokes1953@duck.com
196	pressure1813@live.com
197	mobile2002@yahoo.com
198	cure1869@gmail.com
199	aviation2035@live.com
200	stat2007@gmail.com
201	shares1897@example.org
202	kitchen1821@example.org
203	ext1845@yahoo.com
204	bundle2068@yahoo.com
205	dress2059@yahoo.com
206	terrorism2035@yandex.com
207	prior2051@live.com
208	grass2011@duck.com
209	nottingham1888@live.com
210	accurate2046@example.org
211	council2019@yahoo.com
212	jun1950@outlook.com
213	grass1812@protonmail.com
214	variety2053@yandex.com
215	cst2048@yahoo.com
216	barnes2079@outlook.com
217	yields1907@outlook.com
218	brunswick2061@example.org
219	property1865@yahoo.com
220	structural1813@live.com
221	lesson2073@duck.com
222	prozac2088@yandex.com
223	strict2031@duck.com
224	faster1888@protonmail.com
225	territory2066@example.com
226	josh1964@example.org
227	capable1938@live.com
228	swaziland1867@yahoo.com
229	citizenship2031@gmail.com
230	regulation1961@example.com
231	difference1828@example.com
232	mobility2021@outlook.com
233	shoulder1864@duck.com
234	blow1851@live.com
235	game2038@yahoo.com
236	provide1823@yandex.com
237	obligations2089@example.com
238	partial1809@gmail.com
239	learned1890@protonmail.com
240	tech1911@live.com
241	band1913@example.org
242	online2004@live.com
243	summary2067@gmail.com
244	fought1976@example.org
245	thompson1841@duck.com
246	reservoir2017@protonmail.com
247	ascii1820@live.com
248	item2099@example.com
249	stop1969@live.com
250	boots1977@yandex.com
251	numbers1878@outlook.com
252	qualification1876@example.com
253	aaron2091@example.org
254	confidentiality1944@live.com
255	soma1981@yandex.com
256	random1956@protonmail.com
257	width2026@outlook.com
258	butts1934@duck.com
259	disease1846@duck.com
260	england1980@example.com
261	tony2004@yahoo.com
262	held2087@example.org
263	peace1905@example.com
264	reid1930@protonmail.com
265	terrorism1904@yahoo.com
266	assets1853@gmail.com
267	distributor1849@outlook.com
268	sys2009@yahoo.com
269	there1978@protonmail.com
270	continental2058@gmail.com
271	comparisons2063@example.org
272	hans1970@gmail.com
273	submitting1824@example.com
274	superb1814@protonmail.com
275	elimination1936@example.org
276	describes1978@protonmail.com
277	configurations2100@example.com
278	sunrise2061@gmail.com
279	developer1836@duck.com
280	tsunami1886@gmail.com
281	delight1846@duck.com
282	todd1916@protonmail.com
283	enemy2025@yandex.com
284	installations1895@yandex.com
285	arc1814@live.com
286	marsh2052@yandex.com
287	doors1814@protonmail.com
288	home1927@yahoo.com
289	align1878@yandex.com
290	sugar1939@example.com
291	alloy1814@protonmail.com
292	structured1813@example.com
293	new1940@protonmail.com
294	excluded1859@gmail.com
295	instant1941@duck.com
296	bestsellers1811@duck.com
297	important1868@live.com
298	peterson1880@protonmail.com
299	block1971@yahoo.com
300	leaves1805@protonmail.com
301	acquisitions1932@yandex.com
302	outlet2060@example.org
303	identifier1941@yahoo.com
304	liquid1818@outlook.com
305	age1992@protonmail.com
306	win1891@example.org
307	emission2027@protonmail.com
308	cost2007@gmail.com
309	standards1957@outlook.com
310	logan1980@yahoo.com
311	leather1928@live.com
312	occurred1918@live.com
313	baghdad2075@example.org
314	guinea1910@protonmail.com
315	delivery1988@example.org
316	costs1840@duck.com
317	surfing2009@live.com
318	calling2064@example.org
319	unwrap1841@gmail.com
320	fountain1826@live.com
321	abu2094@example.com
322	collective1919@yahoo.com
323	photographs1974@protonmail.com
324	pace1944@example.com
325	angela1822@yahoo.com
326	nurses1882@outlook.com
327	villages1859@example.org
328	neither1988@protonmail.com
329	opponent1956@protonmail.com
330	year2072@yandex.com
331	loads1985@example.com
332	dec1999@example.org
333	spirit2093@live.com
334	alert2048@yandex.com
335	surprise2087@gmail.com
336	the1938@yandex.com
337	cordless1973@yahoo.com
338	renewable2035@yahoo.com
339	chess2067@gmail.com
340	environments1898@protonmail.com
341	convertible2038@protonmail.com
342	combo1835@gmail.com
343	back1880@protonmail.com
344	honduras1892@gmail.com
345	creek2074@live.com
346	serum1993@duck.com
347	drill1896@example.org
348	jordan2023@example.org
349	monsters1877@example.org
350	fastest1884@protonmail.com
351	cayman2024@yandex.com
352	webmaster1890@gmail.com
353	affected2015@example.org
354	disagree1938@duck.com
355	propose2074@live.com
356	tags1994@live.com
357	logs2086@example.org
358	governmental2081@example.org
359	detection1901@yandex.com
360	friend1814@yandex.com
361	terminal1895@protonmail.com
362	nuclear2030@example.org
363	rendering2088@example.com
364	infectious1984@yahoo.com
365	specialized2067@live.com
366	organize1826@yahoo.com
367	airplane1876@live.com
368	know1855@outlook.com
369	podcast2052@yahoo.com
370	color1801@example.com
371	trainers2019@example.com
372	his2097@yandex.com
373	knowing1856@yahoo.com
374	egypt2078@yandex.com
375	cuts1924@example.org
376	air2024@example.org
377	highly1915@gmail.com
378	revision1918@gmail.com
379	eight1859@gmail.com
380	sampling2054@yahoo.com
381	unlikely1853@gmail.com
382	headphones1847@example.org
383	santa1878@protonmail.com
384	inherited1956@protonmail.com
385	drop1848@live.com
386	funny1850@example.org
387	sheep2027@example.com
388	temperatures1830@example.org
389	permalink1904@example.org
390	infected1845@outlook.com
391	knitting2094@outlook.com
392	king1804@live.com
393	filme2022@gmail.com
394	casual1889@duck.com
395	wider1903@example.com
396	bedroom1879@example.com
397	clinics1946@yandex.com
398	despite1803@yahoo.com
399	void1856@example.org
400	contrast1930@yandex.com
401	herself1858@live.com
402	recipients1944@yahoo.com
403	daughters1975@example.org
404	preferred1965@gmail.com
405	telecom1820@duck.com
406	publishing2087@yandex.com
407	richmond1913@yahoo.com
408	realistic2089@gmail.com
409	generations2017@yahoo.com
410	removed1833@example.org
411	aerial1862@yandex.com
412	photographs2077@duck.com
413	jerry2043@yandex.com
414	hollow1904@example.com
415	presented1849@example.org
416	extend1889@yahoo.com
417	advised1942@duck.com
418	approximately1945@example.org
419	gen2090@duck.com
420	trusted1937@outlook.com
421	tracker1838@yandex.com
422	lightning2062@gmail.com
423	amanda1937@example.org
424	certificates1833@yandex.com
425	adventures1858@live.com
426	matt2061@outlook.com
427	prescription2092@gmail.com
428	collection1863@gmail.com
429	reputation1835@example.com
430	budgets2008@protonmail.com
431	translation2007@duck.com
432	preferences1909@example.com
433	ball1969@yandex.com
434	destination1868@gmail.com
435	corruption1857@example.org
436	billing2080@outlook.com
437	hospitality1992@live.com
438	pavilion1903@duck.com
439	dressed1821@example.org
440	common1859@gmail.com
441	spectacular1862@example.org
442	antarctica2031@live.com
443	lite1880@gmail.com
444	seats1978@yandex.com
445	accurate1969@gmail.com
446	expenditure1946@yahoo.com
447	targeted1963@duck.com
448	lab2053@yandex.com
449	illness1907@example.com
450	monetary1936@protonmail.com
451	paragraphs1833@example.org
452	sophisticated1834@duck.com
453	chapel1910@live.com
454	boxing2085@outlook.com
455	kelly1800@duck.com
456	acer2072@duck.com
457	arg2053@protonmail.com
458	populations1933@protonmail.com
459	pull2059@yahoo.com
460	displaying1833@gmail.com
461	bag2018@yandex.com
462	have2090@example.org
463	affected1953@outlook.com
464	bristol1849@yandex.com
465	agents1976@duck.com
466	victims1813@yandex.com
467	infinite1817@outlook.com
468	adobe1911@gmail.com
469	pretty2079@example.org
470	deputy1963@protonmail.com
471	regulations2066@outlook.com
472	included2053@yandex.com
473	hurricane1916@yahoo.com
474	magnetic1961@duck.com
475	amended1893@protonmail.com
476	roy1993@duck.com
477	rwanda1985@protonmail.com
478	dad1961@duck.com
479	screenshots1955@yandex.com
480	copies2048@live.com
481	atom1971@example.com
482	languages1892@live.com
483	fly1847@duck.com
484	detector2084@live.com
485	maiden2039@duck.com
486	kurt2052@outlook.com
487	readily1807@outlook.com
488	futures2046@gmail.com
489	posts1811@yahoo.com
490	laos1817@live.com
491	jeep1845@gmail.com
492	interview1885@gmail.com
493	crossing1932@outlook.com
494	semi1976@yahoo.com
495	legislation1807@duck.com
496	taylor1967@yahoo.com
497	leaders2020@protonmail.com
498	obvious1960@live.com
499	coated2083@live.com
500	ward2098@protonmail.com
501	platforms2054@duck.com
502	realistic2098@duck.com
503	millennium2086@yandex.com
504	reflected1893@example.org
505	base1812@live.com
506	lucia1981@example.com
507	adjustable2078@gmail.com
508	texture2029@example.org
509	buck1854@yahoo.com
510	juan1877@example.com
511	oscar1878@outlook.com
512	visible2018@gmail.com
513	pledge2025@protonmail.com
514	outcomes1987@example.com
515	kodak1933@yahoo.com
516	theta2023@yahoo.com
517	september1831@example.com
518	playstation1975@protonmail.com
519	representatives2070@live.com
520	runner1848@gmail.com
521	wishlist1957@example.org
522	jamaica1974@yahoo.com
523	tested1972@gmail.com
524	surrey1999@duck.com
525	transmitted1833@duck.com
526	apple1948@outlook.com
527	shorts1990@yandex.com
528	fotos1846@protonmail.com
529	special2009@example.org
530	exchange1939@yandex.com
531	guatemala1813@example.com
532	visible1827@live.com
533	genesis1802@example.org
534	closing1843@protonmail.com
535	certification1816@yandex.com
536	chan2021@yandex.com
537	subsection2085@yandex.com
538	lbs2000@live.com
539	cuts2016@example.org
540	die2077@live.com
541	tactics2062@gmail.com
542	combining1828@protonmail.com
543	jewellery2042@protonmail.com
544	lawrence2001@example.org
545	chapters2077@yahoo.com
546	societies1966@yahoo.com
547	simultaneously1916@example.com
548	divisions1899@live.com
549	beautifully1964@live.com
550	nightmare1947@example.org
551	ford1972@outlook.com
552	smell1899@protonmail.com
553	robot1982@protonmail.com
554	accepts1844@protonmail.com
555	bike1911@duck.com
556	remainder1901@outlook.com
557	hammer1824@yandex.com
558	prospect1993@duck.com
559	seventh2043@protonmail.com
560	unusual2052@yahoo.com
561	mariah2043@example.org
562	lying1967@yandex.com
563	dialogue2028@yahoo.com
564	setup1923@gmail.com
565	weights2043@yandex.com
566	cause2081@yahoo.com
567	attachment1915@gmail.com
568	outlets2062@yandex.com
569	interview1884@live.com
570	departure2062@protonmail.com
571	lite1815@yandex.com
572	mold1896@duck.com
573	merger1931@example.com
574	requires1935@yandex.com
575	finally1936@gmail.com
576	temp1995@yahoo.com
577	sing1936@outlook.com
578	tones2097@duck.com
579	lending1886@outlook.com
580	lite2083@gmail.com
581	rankings1968@yahoo.com
582	washing1958@gmail.com
583	revisions2027@yandex.com
584	create1849@protonmail.com
585	filtering2087@gmail.com
586	advisor2069@outlook.com
587	sullivan1944@yahoo.com
588	detected2059@gmail.com
589	officially2010@gmail.com
590	seq1979@gmail.com
591	contact1901@duck.com
592	adaptive2085@protonmail.com
593	list1810@gmail.com
594	occurrence1878@gmail.com
595	known2028@yahoo.com
596	premises1920@gmail.com
597	greg1850@outlook.com
598	medicines2050@example.org
599	lately2014@gmail.com
600	depth2061@yahoo.com
601	convert1853@yandex.com
602	turn1927@live.com
603	personality2092@gmail.com
604	quotes1858@example.org
605	above1938@live.com
606	sodium2091@gmail.com
607	new1979@live.com
608	terms1871@yandex.com
609	future1811@duck.com
610	cant1971@example.org
611	points1857@outlook.com
612	theta2013@yandex.com
613	vehicle2044@duck.com
614	region1953@yandex.com
615	pharmaceutical1859@protonmail.com
616	vii1897@outlook.com
617	disclaimers1895@example.com
618	nursery2057@duck.com
619	franklin1939@duck.com
620	translate2084@protonmail.com
621	tribune2068@outlook.com
622	interaction2010@example.org
623	henderson1884@example.org
624	dinner1898@example.com
625	olympic1847@example.com
626	deny2078@live.com
627	telephone1824@outlook.com
628	daisy1885@live.com
629	scholarships1912@yahoo.com
630	routers2000@duck.com
631	nike1941@duck.com
632	worked2093@live.com
633	event2045@yandex.com
634	wise2038@protonmail.com
635	sources1905@yahoo.com
636	liberty1907@gmail.com
637	naval2050@protonmail.com
638	stats1807@live.com
639	afford1927@live.com
640	free1909@outlook.com
641	seller2001@outlook.com
642	roberts1938@yandex.com
643	completely1846@example.org
644	daddy1965@outlook.com
645	nfl1972@example.com
646	strip1886@outlook.com
647	scale2073@yahoo.com
648	icon1907@yandex.com
649	appliance1901@outlook.com
650	wizard2046@yahoo.com
651	iraq1984@example.org
652	attachment1982@yahoo.com
653	firewall1918@example.com
654	bankruptcy1926@yahoo.com
655	acknowledged1848@gmail.com
656	scientists1910@protonmail.com
657	joe1850@gmail.com
658	liked1971@example.org
659	citizenship2063@yandex.com
660	slot1824@duck.com
661	cad1985@outlook.com
662	lucy1861@example.com
663	warren1815@protonmail.com
664	pub2061@yahoo.com
665	refugees1869@live.com
666	when1919@gmail.com
667	producer1997@example.org
668	divide1907@yahoo.com
669	engineering1869@example.org
670	latvia1934@duck.com
671	director2054@protonmail.com
672	avatar1959@example.com
673	subsequently1898@duck.com
674	equal2010@gmail.com
675	difficult1920@outlook.com
676	travels2066@live.com
677	philip1952@yandex.com
678	frame1834@yandex.com
679	laser1800@outlook.com
680	tune1825@outlook.com
681	herbs1978@example.org
682	start1910@gmail.com
683	decent1887@duck.com
684	approximate2036@yandex.com
685	regarding1921@example.org
686	behavior1942@protonmail.com
687	registration1843@protonmail.com
688	armor1921@example.org
689	concerns2065@protonmail.com
690	plane2072@yahoo.com
691	flesh1868@yahoo.com
692	finishing1918@example.org
693	different2100@live.com
694	shop1944@gmail.com
695	celebs1984@yandex.com
696	ellis1936@example.com
697	governing1875@yandex.com
698	characteristics1883@example.org
699	conceptual1986@example.com
700	accounting1944@live.com
701	millennium1832@duck.com
702	parts1952@outlook.com
703	nail1999@live.com
704	closed2043@outlook.com
705	injury1814@live.com
706	tags1957@yandex.com
707	categories1838@duck.com
708	marina1831@protonmail.com
709	salmon2044@example.org
710	lion2094@outlook.com
711	scripts1879@example.org
712	decline1826@gmail.com
713	guardian2039@example.org
714	purposes2046@protonmail.com
715	definitely1956@example.org
716	draws1836@live.com
717	discussions1818@yandex.com
718	cordless1892@example.com
719	bufing1868@live.com
720	motorcycle2029@example.org
721	dies1985@protonmail.com
722	amanda1856@yandex.com
723	feeding2062@protonmail.com
724	windsor1967@live.com
725	experimental1865@live.com
726	dominant1968@gmail.com
727	comic2021@example.com
728	networking2080@protonmail.com
729	butterfly1898@example.com
730	procedure1853@gmail.com
731	generation2050@protonmail.com
732	reel2071@duck.com
733	cemetery2063@duck.com
734	please2078@example.com
735	travelers1906@yandex.com
736	peeing1967@yandex.com
737	amend2070@yahoo.com
738	flood1836@duck.com
739	affairs1903@yahoo.com
740	recording2009@outlook.com
741	unavailable1882@example.org
742	thirty2067@duck.com
743	metals2045@example.org
744	programmers1834@yahoo.com
745	replied2005@example.com
746	participation1857@duck.com
747	beautiful2040@duck.com
748	locked1870@example.org
749	inf1853@duck.com
750	underlying1850@duck.com
751	affected1883@example.org
752	chester1945@yahoo.com
753	adoption1944@duck.com
754	great1893@gmail.com
755	bedford1855@yandex.com
756	extension1874@outlook.com
757	powerpoint1988@gmail.com
758	international1949@example.com
759	chambers1846@protonmail.com
760	modems1992@duck.com
761	fly2091@live.com
762	lee2055@example.com
763	paperbacks1910@outlook.com
764	norton2047@yandex.com
765	cafe1851@yahoo.com
766	nickname1833@protonmail.com
767	pound2099@yahoo.com
768	accommodations2054@live.com
769	drum2045@live.com
770	hosts2027@yahoo.com
771	yellow1895@yahoo.com
772	postal1971@protonmail.com
773	advanced1871@example.com
774	til2045@protonmail.com
775	includes1940@yahoo.com
776	act1837@yandex.com
777	mtv1950@gmail.com
778	medicine1878@protonmail.com
779	dealtime2058@duck.com
780	institution1978@example.org
781	trauma2004@live.com
782	emacs1966@duck.com
783	stockholm2071@live.com
784	rank1839@example.org
785	saint1831@yahoo.com
786	synthesis2023@yahoo.com
787	combo1915@live.com
788	reserved2006@example.org
789	efforts1837@yandex.com
790	depth2085@live.com
791	innovation1974@gmail.com
792	situation2069@duck.com
793	perceived1934@live.com
794	antiques2022@duck.com
795	combining2069@gmail.com
796	eligible1904@example.org
797	consortium2063@live.com
798	art2075@yandex.com
799	retirement1985@gmail.com
800	lebanon1845@live.com
801	magazines2006@yahoo.com
802	being2047@gmail.com
803	overall2038@live.com
804	joined2098@duck.com
805	cyber1915@yahoo.com
806	concept2099@gmail.com
807	pct2090@yandex.com
808	stockholm1959@example.org
809	ala1833@duck.com
810	parcel1945@live.com
811	cameron1856@outlook.com
812	convergence1942@duck.com
813	ultram1898@yahoo.com
814	divine1842@live.com
815	membrane1821@protonmail.com
816	notice1969@yandex.com
817	button1847@duck.com
818	tiny1853@outlook.com
819	sold1822@outlook.com
820	hamilton1973@live.com
821	injured1863@example.org
822	decorating2013@yahoo.com
823	since2079@example.org
824	parts1806@yandex.com
825	rice2012@example.org
826	sized2053@duck.com
827	durable1916@example.org
828	displayed2051@example.org
829	billy2055@protonmail.com
830	characters1923@outlook.com
831	cam1826@example.org
832	estate1967@live.com
833	vision1892@live.com
834	residence1999@protonmail.com
835	ray2006@yandex.com
836	merge1984@outlook.com
837	turkish2050@yahoo.com
838	liver1999@outlook.com
839	league1877@protonmail.com
840	checked1830@duck.com
841	saturn1870@yahoo.com
842	strand2001@yahoo.com
843	electric1922@yandex.com
844	tel2090@outlook.com
845	quantum1855@yahoo.com
846	nose1862@live.com
847	unlikely1985@example.com
848	barbie1888@example.com
849	valium2083@outlook.com
850	predicted2049@protonmail.com
851	ottawa2054@outlook.com
852	may1940@live.com
853	places2046@protonmail.com
854	amendments1910@gmail.com
855	annual2060@live.com
856	consist1871@yandex.com
857	achievements1967@duck.com
858	doctor2029@duck.com
859	naturals1932@protonmail.com
860	cheque1858@example.org
861	cove2035@yahoo.com
862	eggs2034@duck.com
863	files2055@outlook.com
864	builders1926@example.com
865	screensaver1922@gmail.com
866	install1907@yahoo.com
867	diseases1853@yahoo.com
868	base1979@duck.com
869	conjunction1990@example.com
870	resist1993@yandex.com
871	boring1973@yandex.com
872	florence1930@gmail.com
873	flex2100@live.com
874	dying1989@example.com
875	stopped1865@outlook.com
876	chip1980@yahoo.com
877	environment1823@outlook.com
878	ray1894@duck.com
879	hobbies2020@live.com
880	owen1992@outlook.com
881	overcome2059@yandex.com
882	folders2041@gmail.com
883	intellectual1901@gmail.com
884	label1931@duck.com
885	opera1913@protonmail.com
886	among1881@duck.com
887	officially1904@outlook.com
888	vulnerable1976@outlook.com
889	interstate1902@outlook.com
890	pair2049@example.org
891	gaps1898@outlook.com
892	optional1978@example.com
893	shoot1981@protonmail.com
894	previous1812@example.org
895	immediately2049@example.org
896	symphony1897@gmail.com
897	winds1800@duck.com
898	granny1914@outlook.com
899	switching2031@duck.com
900	supposed2082@outlook.com
901	patches1972@live.com
902	seas2074@example.org
903	mls1845@duck.com
904	entity1805@live.com
905	gave1858@example.com
906	speeds1898@gmail.com
907	filter2027@example.org
908	watching1969@live.com
909	own1878@duck.com
910	history1891@example.org
911	former1922@live.com
912	pale1996@yahoo.com
913	guilty1925@live.com
914	insert2016@example.com
915	speeches2031@duck.com
916	restructuring1968@example.com
917	patterns2069@protonmail.com
918	manufacture2044@example.com
919	terrorism1862@example.org
920	anymore2053@outlook.com
921	ending1972@duck.com
922	ambien2070@yahoo.com
923	warranties2090@protonmail.com
924	polished1939@yahoo.com
925	chain1900@yahoo.com
926	precisely2008@example.org
927	satisfaction2091@duck.com
928	local1981@live.com
929	handy1839@yandex.com
930	expects1901@yandex.com
931	surplus1898@protonmail.com
932	offline2088@example.com
933	boxes2075@example.com
934	pike1991@live.com
935	plenty1950@live.com
936	stopped2036@example.com
937	parallel2067@gmail.com
938	separate2042@example.com
939	advantages1912@yandex.com
940	essay1821@example.com
941	pork1999@protonmail.com
942	gentle1913@example.org
943	same2083@example.com
944	regions1834@gmail.com
945	done1981@protonmail.com
946	consequences1945@gmail.com
947	shops1810@example.org
948	blend1805@yahoo.com
949	lasting1983@yahoo.com
950	usually1921@live.com
951	logitech1873@example.org
952	airplane2037@example.org
953	storage1905@yahoo.com
954	promised1933@example.com
955	workforce1813@duck.com
956	were1835@protonmail.com
957	impressed1830@example.org
958	sublime1925@yahoo.com
959	producers2033@example.com
960	crucial2096@gmail.com
961	communities1951@example.com
962	paid2020@protonmail.com
963	great1938@duck.com
964	because1950@yahoo.com
965	cdna1910@yahoo.com
966	infrared1946@protonmail.com
967	cakes1972@gmail.com
968	custom2070@outlook.com
969	ozone1891@duck.com
970	dolls2093@duck.com
971	honors2057@example.com
972	practices1903@gmail.com
973	dear1909@duck.com
974	tears1906@example.com
975	corp1898@example.com
976	finder1948@example.com
977	warrant1891@yandex.com
978	sentence2085@example.org
979	bahrain1820@example.com
980	top2047@live.com
981	reviewed1947@yandex.com
982	timothy1870@duck.com
983	suse1843@duck.com
984	avatar1893@yandex.com
985	colored1986@live.com
986	authority1944@protonmail.com
987	photography1953@duck.com
988	assessment2037@example.com
989	futures1984@gmail.com
990	dried1835@yandex.com
991	handling2048@example.org
992	pants2055@example.org
993	cialis2097@protonmail.com
994	local2044@outlook.com
995	replacing2033@outlook.com
996	storm2029@example.com
997	bucks1956@example.org
998	magnificent1930@gmail.com
999	crimes1993@live.com
1000	indians2054@gmail.com
\.
ANALYZE "pg_temp"."sqlsynth_pool_13";
CREATE TEMP TABLE "sqlsynth_pool_14" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.username (1000 values)
COPY "pg_temp"."sqlsynth_pool_14" (k, v) FROM STDIN;
1	perspective_2085
2	egyptian_1811
3	burst_1926
4	backed_2039
5	hint_1835
6	output_2080
7	alan_1823
8	mysql_2089
9	sig_1995
10	victim_2087
11	drawing_1890
12	jon_2024
13	adware_1880
14	cho_2092
15	fda_2046
16	many_1828
17	clause_1980
18	recently_2012
19	giant_1838
20	represents_1803
21	bang_2071
22	amp_1979
23	accurate_1804
24	surface_2021
25	pan_1902
26	joshua_1814
27	jose_2006
28	stone_2052
29	seeker_1969
30	von_2080
31	mods_1804
32	mars_1994
33	extension_1874
34	boxed_1912
35	copper_2016
36	children_2007
37	erotica_2066
38	thermal_1884
39	tri_1938
40	skip_1998
41	libraries_2007
42	theatre_1868
43	porcelain_1939
44	wall_1981
45	bugs_1958
46	wired_2012
47	locks_1855
48	license_1914
49	damage_2056
50	css_1847
51	employ_1986
52	load_1924
53	cartridge_2078
54	generous_1852
55	filing_2033
56	promotional_1927
57	punch_1981
58	formats_1849
59	obviously_1995
60	higher_1998
61	produces_2059
62	gay_1885
63	magnificent_2046
64	loop_1842
65	relevant_1811
66	indirect_2088
67	cotton_1908
68	footwear_1963
69	permission_1962
70	implies_2096
71	tons_2053
72	looking_1875
73	origins_2002
74	photos_2086
75	midwest_1946
76	heated_1993
77	determines_2046
78	trailer_1951
79	evaluating_1865
80	wells_1800
81	supports_1838
82	mine_1817
83	isp_1996
84	bahrain_1876
85	dominican_2041
86	played_1835
87	formerly_2027
88	density_1933
89	evaluations_2054
90	damage_1900
91	apartments_1843
92	grain_1975
93	teacher_1980
94	disposition_1971
95	shall_2021
96	appropriate_1905
97	ant_2059
98	user_1858
99	reached_2025
100	manuals_2086
101	renewable_2100
102	solid_2019
103	lcd_2038
104	therapy_2050
105	beneath_1978
106	direct_2091
107	lions_1975
108	rid_1800
109	listed_1924
110	leave_1881
111	citizenship_1831
112	barcelona_2014
113	crystal_2064
114	participate_1878
115	hairy_2085
116	quotes_2080
117	under_1964
118	pan_1944
119	suites_1880
120	coral_2023
121	vendors_2048
122	provincial_1847
123	logistics_1862
124	predicted_2025
125	funky_1988
126	enrollment_2036
127	guru_1991
128	set_1981
129	antique_1928
130	barely_1907
131	talk_2086
132	butter_2015
133	commit_1898
134	pee_2031
135	through_1804
136	herbal_1886
137	explanation_1893
138	html_1815
139	feeding_2098
140	boxing_1848
141	advance_1948
142	cultural_1821
143	monthly_1926
144	saved_1958
145	footwear_2078
146	answering_2097
147	blacks_2099
148	nevada_2048
149	magnet_2089
150	getting_1895
151	retreat_2095
152	amendments_2077
153	variety_1948
154	deutsch_1969
155	specials_1860
156	ind_1961
157	dive_1850
158	math_2069
159	spray_2068
160	bet_1905
161	bond_2051
162	jamaica_1923
163	essentials_1985
164	lat_1890
165	maldives_1898
166	medium_2072
167	measure_1999
168	volkswagen_2043
169	dns_1936
170	known_1913
171	sage_2054
172	chess_1859
173	trim_1910
174	webcast_1957
175	people_2088
176	accounts_1955
177	yukon_1810
178	allan_1939
179	monetary_1905
180	package_1842
181	theme_1959
182	chosen_1864
183	angela_2095
184	monica_1857
185	dreams_1979
186	swingers_1997
187	safely_2020
188	performing_1877
189	powerpoint_1917
190	excitement_1968
191	sink_1853
192	venue_2093
193	spaces_1978
194	accept_1921
195	strategies_1921
196	recycling_1852
197	intensive_2003
198	conferences_1830
199	monster_2068
200	const_2041
201	conditions_2088
202	tattoo_2098
203	pickup_1943
204	officials_2094
205	opens_1851
206	iron_2060
207	anticipated_2009
208	syndicate_1900
209	mess_2031
210	maine_2074
211	being_1836
212	stored_1918
213	overall_1883
214	huntington_1982
215	code_1943
216	dutch_1822
217	island_1958
218	ann_1962
219	spy_1925
220	philosophy_1816
221	equipped_1869
222	thai_1992
223	paperback_1927
224	alot_2065
225	false_2079
226	font_1928
227	cool_1829
228	realty_1956
229	relying_1923
230	venues_1837
231	worship_2051
232	material_1860
233	cfr_1991
234	throwing_1841
235	shares_2002
236	bills_1917
237	instant_2092
238	players_2092
239	shaped_1908
240	profile_2039
241	parents_1855
242	extent_1807
243	mean_1905
244	celebrity_1839
245	positions_1921
246	carry_1959
247	resolution_1866
248	properly_1835
249	due_1897
250	acknowledge_2071
251	exclusive_1931
252	diabetes_1840
253	kirk_1943
254	graduation_1888
255	reach_2032
256	surgery_1904
257	overall_1985
258	manuals_2051
259	lucas_1861
260	foto_1914
261	method_2016
262	untitled_2008
263	coating_1928
264	pen_1858
265	juice_2000
266	town_1837
267	trivia_2023
268	century_1836
269	moon_2047
270	searches_1991
271	reflections_1998
272	maybe_1978
273	permissions_2037
274	out_2004
275	virtue_1919
276	foods_1936
277	defend_1927
278	friend_1897
279	die_1885
280	mainly_1866
281	therapeutic_1843
282	metallic_1800
283	ram_1962
284	clearly_1860
285	tactics_1931
286	warnings_1902
287	tour_1830
288	keeping_1857
289	rocks_1852
290	keno_1861
291	fraction_2090
292	horses_2012
293	star_1979
294	degree_2011
295	clone_1991
296	main_1908
297	gently_2020
298	hero_1897
299	messages_2021
300	armstrong_1993
301	andorra_2001
302	allocated_2060
303	wan_1918
304	labor_1894
305	seriously_1857
306	coordinate_1895
307	url_1966
308	lender_1944
309	raises_2077
310	hopes_1966
311	transcript_1854
312	booking_1904
313	volvo_1998
314	alto_2005
315	toddler_1860
316	scottish_1959
317	tampa_1895
318	strange_1867
319	saved_2085
320	peterson_2026
321	worried_2033
322	seemed_2018
323	pride_2073
324	holdem_1978
325	advised_1985
326	provinces_1897
327	submission_1892
328	steering_1986
329	dvds_2097
330	poland_1806
331	statistical_1981
332	bhutan_1988
333	oriental_2053
334	pixel_2043
335	candidate_2015
336	sec_1928
337	utilities_2089
338	sudan_2000
339	hip_2004
340	gently_2045
341	arrived_2094
342	carrier_1906
343	robot_2092
344	fusion_1856
345	rev_1835
346	collected_1942
347	involved_1815
348	might_1927
349	swift_1880
350	fails_2040
351	solve_1800
352	alpine_1969
353	mercy_1814
354	frontpage_1852
355	micro_1883
356	treasury_1803
357	agent_1987
358	destruction_2095
359	briefly_1811
360	radios_1995
361	strength_2089
362	src_1846
363	positions_1960
364	asp_1869
365	electric_1803
366	format_1913
367	mumbai_1809
368	counted_1867
369	proper_1914
370	active_1960
371	realize_1915
372	shades_1844
373	gnu_2052
374	ind_2028
375	baseball_1970
376	sullivan_1861
377	earning_1882
378	successful_2083
379	sizes_2091
380	initially_1967
381	beads_2037
382	comics_1864
383	opponents_2083
384	earliest_1905
385	presently_1890
386	diploma_1880
387	expensive_1929
388	prague_1819
389	trading_1899
390	avoid_1841
391	housewives_1985
392	forestry_2030
393	hazards_1999
394	jeff_1835
395	alone_2072
396	assume_1930
397	setting_2095
398	mae_2011
399	tragedy_1930
400	affects_1873
401	newspapers_1874
402	noted_1909
403	marks_1840
404	providers_1835
405	angry_1963
406	load_1869
407	mambo_2055
408	happy_1920
409	haiti_1999
410	flyer_1821
411	appearance_1854
412	retain_2047
413	gentle_1935
414	venues_1855
415	unit_2014
416	hourly_2061
417	crowd_2077
418	specifics_2018
419	pontiac_1953
420	puzzles_1836
421	stamps_1897
422	population_1904
423	yeah_1861
424	gordon_2095
425	her_1895
426	motel_1809
427	biographies_1875
428	engineering_1906
429	rhythm_1915
430	fantasy_1939
431	facility_1959
432	avi_1848
433	kenya_1819
434	legendary_2078
435	thumbnail_1930
436	landing_1936
437	refer_1802
438	feof_1928
439	stamps_1940
440	raises_1842
441	direction_1959
442	students_1845
443	mod_2060
444	consecutive_2022
445	aug_1998
446	elliott_2051
447	worldwide_1929
448	turned_2090
449	bob_2067
450	enrolled_1803
451	excel_1956
452	centres_1974
453	sauce_2004
454	judges_2098
455	bus_2010
456	mint_1846
457	corporation_1882
458	public_2032
459	reveals_2048
460	scuba_1897
461	ideal_2077
462	applying_2092
463	jewish_1963
464	asset_1870
465	hydrogen_1849
466	qatar_1864
467	vendors_1801
468	commander_1813
469	metallica_1973
470	british_1881
471	suspension_1806
472	lower_1813
473	lightbox_1957
474	hairy_2071
475	closer_2100
476	percent_1943
477	combine_2031
478	largely_2024
479	wikipedia_1892
480	paso_1803
481	hidden_2043
482	vpn_1899
483	ground_2066
484	cambridge_1952
485	creative_2077
486	kidney_1950
487	payments_1970
488	scientist_1877
489	holes_1923
490	prayers_1839
491	motivation_1822
492	seas_2020
493	athletic_1977
494	accident_2007
495	webcast_2024
496	not_2081
497	bradford_1874
498	gentle_2085
499	url_1978
500	odd_1900
501	lifetime_2093
502	maps_1813
503	discussions_1911
504	robinson_2038
505	acid_2082
506	ivory_1996
507	meat_1824
508	census_2068
509	supervision_2087
510	legend_1889
511	geological_2050
512	influences_1837
513	balloon_1950
514	explicit_2060
515	resolution_1952
516	balloon_2080
517	untitled_1805
518	reliability_1851
519	combining_1921
520	viewer_1818
521	toxic_2075
522	protective_2055
523	fans_1872
524	compressed_2000
525	batch_1931
526	truck_2001
527	mid_1838
528	complement_1810
529	existed_2025
530	physician_2024
531	internal_1931
532	britain_2018
533	leu_2058
534	sized_1810
535	realized_1852
536	car_1954
537	lancaster_1940
538	discussed_1863
539	mounts_1928
540	studied_1806
541	hopkins_2089
542	and_1893
543	joe_1958
544	link_1821
545	late_2088
546	edward_1941
547	promotions_1924
548	encountered_2009
549	year_2059
550	wake_2054
551	acdbentity_1989
552	execution_1990
553	pmid_1812
554	error_1996
555	provincial_1881
556	hunter_1922
557	manor_2007
558	usa_1865
559	palestinian_2059
560	starring_2048
561	marsh_1849
562	perth_1998
563	suggestions_1966
564	mlb_1923
565	springer_1958
566	hand_1910
567	sets_1847
568	fear_2082
569	yeah_2098
570	impressive_1908
571	plans_1847
572	energy_2031
573	vitamin_1964
574	shark_1989
575	boots_1915
576	components_1844
577	minnesota_1890
578	allowing_1817
579	vice_1867
580	from_1903
581	pressing_1866
582	westminster_2046
583	conduct_1891
584	marks_1935
585	duo_2088
586	convenience_1841
587	compound_1929
588	beverly_1861
589	announces_1868
590	singapore_1869
591	active_2055
592	kids_1970
593	los_2093
594	ourselves_1812
595	districts_1803
596	very_1920
597	apnic_1960
598	prize_2004
599	bald_1816
600	ireland_1973
601	assist_1861
602	offices_1965
603	vital_1839
604	witnesses_1977
605	shift_1874
606	dod_1865
607	shannon_1955
608	favorite_1812
609	elvis_2014
610	prozac_2088
611	orbit_1985
612	pubmed_1962
613	fairfield_1919
614	rico_2040
615	parenting_1825
616	emerging_2063
617	finally_1889
618	aluminum_1902
619	citizens_2068
620	poem_1888
621	human_1886
622	renewal_1840
623	hay_1939
624	requested_1983
625	policies_1839
626	campbell_2038
627	suffering_1917
628	allah_2069
629	creativity_1837
630	titans_1964
631	heavily_1921
632	robots_1841
633	taken_1872
634	ashley_1868
635	dresses_1929
636	stroke_1952
637	side_1953
638	andrews_1872
639	want_1880
640	sec_2094
641	adaptor_1995
642	latest_1900
643	balanced_1814
644	moon_1926
645	supports_1959
646	cfr_2054
647	assistant_2091
648	chance_1860
649	affairs_1936
650	pension_2098
651	sport_2075
652	tape_1832
653	uses_2066
654	touring_1928
655	take_1963
656	deliver_2088
657	lexus_1947
658	overview_1865
659	magazine_1947
660	students_2057
661	implemented_2032
662	probability_1924
663	hugo_2088
664	presence_1859
665	scout_1823
666	swimming_1849
667	referred_1827
668	mailto_1876
669	voip_1945
670	remembered_1923
671	lender_1869
672	vpn_1995
673	applicants_1944
674	agreements_1999
675	snap_1967
676	draft_1816
677	last_2066
678	bless_2041
679	foreign_2012
680	rpm_2044
681	bedroom_2072
682	technique_2026
683	tender_1818
684	claims_2010
685	exclusive_1841
686	prize_1927
687	societies_1823
688	vital_1992
689	lift_1999
690	halloween_1882
691	neo_1860
692	drama_2008
693	preparing_2076
694	amp_1923
695	above_1864
696	jersey_1826
697	given_2005
698	alike_1852
699	weblog_1854
700	eligible_2043
701	index_1987
702	special_1992
703	balloon_2051
704	volume_2060
705	retro_1808
706	teen_1827
707	committee_1837
708	lessons_1974
709	lead_2033
710	wallpapers_2054
711	worker_1962
712	encouraged_1969
713	showtimes_1943
714	mercury_1802
715	young_1807
716	alike_2002
717	coordinated_2074
718	kim_1845
719	trustee_1833
720	paraguay_2075
721	young_1915
722	swiss_1811
723	apollo_1908
724	answers_2085
725	varying_1962
726	craft_2093
727	notified_2074
728	julie_1804
729	composed_2089
730	suicide_1923
731	stick_2070
732	stores_1961
733	cave_1845
734	understand_2098
735	levels_2023
736	empire_1801
737	link_2011
738	davis_1889
739	duration_1808
740	brokers_1903
741	multiple_2026
742	tenant_1910
743	astrology_1847
744	sat_2068
745	lookup_1878
746	furthermore_1973
747	girlfriend_1915
748	calculator_2091
749	brokers_2097
750	microsoft_1839
751	monaco_1971
752	carolina_2075
753	integrating_2051
754	poly_1960
755	gospel_1985
756	still_1891
757	previous_2086
758	talks_2020
759	kinds_1817
760	tour_2077
761	mistake_1819
762	saint_1965
763	heroes_1840
764	involve_2059
765	hampton_1956
766	arrested_1803
767	pirates_2079
768	gratuit_2043
769	south_2033
770	number_1929
771	python_2054
772	welfare_2000
773	yorkshire_1927
774	rock_1917
775	discounted_1964
776	british_2010
777	replication_2096
778	scholars_2033
779	grass_1859
780	student_2002
781	geography_1861
782	fun_1800
783	casino_1921
784	apparel_1804
785	blair_1830
786	milwaukee_1951
787	signup_1997
788	talked_1857
789	sim_1821
790	chips_1966
791	img_1846
792	portions_2095
793	particles_2072
794	investor_2042
795	future_2045
796	pendant_2084
797	targets_1850
798	considering_2066
799	efforts_1861
800	accidents_2012
801	swedish_1997
802	now_2052
803	harley_1871
804	break_2008
805	nurse_2013
806	link_2022
807	employment_1865
808	merchandise_1824
809	warm_1908
810	stat_1812
811	officers_1860
812	peripheral_2070
813	australian_1857
814	age_1862
815	translator_1826
816	citizenship_2005
817	exotic_2043
818	ball_1968
819	tea_1868
820	visit_2039
821	motels_1839
822	hide_1901
823	whilst_1957
824	upload_2002
825	variety_1977
826	all_1843
827	darkness_1841
828	zope_1842
829	base_2044
830	region_1842
831	baghdad_1879
832	employee_2099
833	machine_2004
834	soup_1968
835	gmc_1893
836	analyzed_2011
837	exclusively_1908
838	magic_1947
839	gras_1832
840	sync_1824
841	debate_2095
842	blind_2016
843	editions_1861
844	venue_2072
845	influence_2092
846	mind_2078
847	mas_1925
848	change_1882
849	yorkshire_1830
850	commons_2089
851	listen_1956
852	persistent_2008
853	bid_1982
854	increasing_1953
855	superior_2057
856	medicines_1858
857	titanium_2046
858	police_2090
859	hampton_2082
860	accounts_2063
861	jun_2072
862	english_1871
863	retrieve_1855
864	tar_1909
865	blowing_1996
866	casinos_1934
867	legacy_1824
868	quizzes_2019
869	welding_2093
870	gig_1997
871	gzip_1903
872	partnership_2034
873	wheel_1854
874	angela_2068
875	replaced_1890
876	plaza_1850
877	jenny_1903
878	lindsay_1820
879	unable_1891
880	inspired_1840
881	watts_2096
882	dpi_2046
883	syndrome_1913
884	soa_1865
885	highways_1951
886	car_1979
887	injured_1856
888	counseling_1865
889	language_2048
890	russia_2001
891	loose_1925
892	naval_1940
893	sense_1831
894	oxford_2059
895	guest_1990
896	examples_1866
897	induced_1960
898	increases_1876
899	diamond_1993
900	argument_1887
901	courses_1962
902	formation_1906
903	rep_1877
904	brian_1835
905	corn_1984
906	pavilion_1925
907	travelers_2064
908	listed_2019
909	photos_2072
910	handles_2075
911	earthquake_2053
912	regulatory_2091
913	invest_1899
914	precision_1912
915	newton_2044
916	florida_2012
917	aquatic_1890
918	streams_2060
919	sponsor_1918
920	gmbh_2018
921	comes_1998
922	dan_1987
923	reflected_1957
924	costa_1919
925	issued_2045
926	themes_1927
927	inherited_1850
928	europe_2032
929	vertex_1800
930	hamilton_1894
931	swimming_1967
932	rpm_1859
933	rated_1974
934	flex_1856
935	pat_1949
936	automotive_1962
937	cave_1842
938	southern_1936
939	rope_1923
940	orientation_1898
941	visa_1948
942	pittsburgh_1963
943	latvia_1866
944	gateway_2099
945	belong_1923
946	implemented_1879
947	senate_1965
948	revenge_1839
949	oriented_1808
950	farming_1842
951	commitments_2042
952	holiday_1836
953	presence_2025
954	signal_2056
955	particular_1886
956	ongoing_1971
957	beverages_1939
958	africa_1882
959	most_2039
960	awesome_1900
961	options_2051
962	univ_2094
963	hugh_1836
964	fought_1980
965	autos_1878
966	tales_1817
967	malta_2016
968	venture_2005
969	inexpensive_1911
970	promptly_1920
971	absolute_2009
972	specifies_2100
973	organ_1897
974	resistant_1834
975	clarity_1983
976	oriented_1956
977	houston_1871
978	mime_1821
979	leaves_1852
980	cleanup_2006
981	comments_1961
982	hotels_1832
983	simpsons_2021
984	disagree_1877
985	rentals_1980
986	calculator_1913
987	ryan_2039
988	kruger_2034
989	syndrome_1837
990	barbara_2039
991	teens_2031
992	doctors_1914
993	grand_1956
994	unto_2018
995	industry_1897
996	telecharger_1910
997	alpine_1955
998	generated_2022
999	miami_1873
1000	departments_2077
\.
ANALYZE "pg_temp"."sqlsynth_pool_14";
CREATE TEMP TABLE "sqlsynth_pool_15" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.password (1000 values)
COPY "pg_temp"."sqlsynth_pool_15" (k, v) FROM STDIN;
1	>r#,?J+R
2	OjqD(#^n
3	TZws=!lr
4	`y&<v3!w
5	rSG}Dd&X
6	hc-81;,?
7	2\\@me1"K
8	jS*zf)+x
9	Q%UWBpA~
10	Z2w;1ma&
11	CV7k5<.I
12	u1Fv3Rli
13	GfH[MZV*
14	R=!/qg&s
15	uR$T&K1k
16	'j{e&XU,
17	{Tie89qQ
18	V}L{IUm1
19	MN?C%|)C
20	hDg&/~0?
21	%o,R!kmj
22	#m$qqR\\G
23	IL[ijk-Z
24	a6qzG<}B
25	ksVW:#a1
26	yW,&=zF(
27	,+V)1,ka
28	8w0Eb2e,
29	HBT$y%"s
30	2GMq*VA:
31	qRpqb{:[
32	'k#}RyE}
33	g}:%8/F7
34	'05Y^38%
35	pk><ViU>
36	>([JM?sX
37	`'yXnkSY
38	Uv2hZ39f
39	}I#207}D
40	~&DIW;@_
41	=&fjnQU~
42	Wz#nFEfQ
43	z/mr;h{E
44	Kz]&,LSJ
45	h%eE!c`,
46	625bt[t$
47	/=)Nr+UW
48	0YRsHfWV
49	UX.wG2uj
50	HAr.,h}0
51	rAJ]e(gc
52	[TF5!qzI
53	RK@2y670
54	kh>T;lFr
55	\\ymU';9_
56	Kp!Lb6'W
57	k1M5:h4B
58	!L"3~Viq
59	UzdC~TXr
60	OBg%cr;(
61	>pER/Zr(
62	9czs,8Hy
63	nRE5HH'f
64	<@BISxE\\
65	|f$/jSNS
66	o\\{Y5Pp"
67	P6tnz}?|
68	8Jes2K0:
69	%1`CU?fc
70	iCnU=YQ&
71	g%bN3_w1
72	V'wW'`))
73	2*PLYgaD
74	HMh*2BDA
75	0CrND&<d
76	&+tI0o*_
77	#5|Zi=y`
78	HGiA6&^^
79	~JN0q}B'
80	,Ij~q6n4
81	BFvPr@O{
82	\\.51n{.$
83	s8fPQ9?.
84	\\hoKy7ls
85	N-e-6ydt
86	<m}3+T/C
87	:0cvo/w5
88	xwG(.28M
89	{1Cl$n3&
90	xL.hzS.b
91	FN~I}?D@
92	7bz2OY_$
93	5PJ";(*=
94	T}F6IWU]
95	2w5)O~#T
96	jeK4tFw&
97	ILfrTI8X
98	>}D.qfv$
99	eW9.w*2e
100	o,J<e&6+
101	ElN~kTS'
102	`U~cIfrV
103	ncr2A;-l
104	\\y16xv3>
105	9W[`r*:\\
106	#WzoBzVX
107	%rZ[eoAG
108	mV;4wcgM
109	#jG!wNP5
110	2MxSjkj\\
111	V%_OmwY:
112	VG->63QV
113	5YeDz"Gi
114	-Ye'G)oa
115	MTyXj\\z!
116	:u@JmoF"
117	u)0b-U*{
118	TRCb;:os
119	u$rw+Up-
120	-!FJ$Y\\*
121	S|n]PUxS
122	!:VIxNQ2
123	rDW/FP4@
124	Nw4XpnH7
125	|}34tS$\\
126	DEZ#H5y+
127	D,]Z|Yzd
128	i1]q.N-e
129	rl6XF8^R
130	^s2.ga`+
131	')5e*r)C
132	r3]&iV%R
133	T1joe]#?
134	HpRQM~vl
135	:QPZuPIf
136	BY$I/r76
137	r#2}vz#I
138	L/[gYF+1
139	*TYWVkK-
140	r[kIbF!k
141	;OV&H?h_
142	].CRtc1I
143	A=-Z}qxr
144	%5HxwNhk
145	tXOdK@#S
146	!Dey4`-;
147	>]_H]s+K
148	1/dlR<X8
149	M$}d+^e%
150	QkIZ6Sm}
151	-Br8=#!W
152	T-i&Qs|g
153	(v+8_G]B
154	wqdC2;1h
155	ugVCBw{8
156	%^/\\VcWU
157	">\\W8jTv
158	b[v'`_R;
159	-#G}q./a
160	mreHaM:@
161	u}xlg##[
162	a84QLeY*
163	-2C0dgHA
164	WS,2XCN?
165	q|kk}~S!
166	36~T$u)@
167	e4:Fpt$p
168	a8a62gKV
169	Qzg0nTvl
170	*"vos#~+
171	Re4O^5;m
172	Apo.5M=]
173	@$|$*SQ.
174	&>%}h/ok
175	uxAFp,?@
176	Bo%qu)`#
177	L@j3e`TF
178	ihBu~NtI
179	f77~=5\\p
180	o@pD`e,%
181	jUX5vg}I
182	+rKQM2R%
183	2P6$kvtK
184	,\\hyOSr&
185	c%+W@f#t
186	3P7H2De;
187	]+Mdfe~`
188	V^#x5qM*
189	ls{5{Kzf
190	f^`twYn^
191	POy_{y29
192	,{J!A&,<
193	j4Sw2bjj
194	x-~hdk5^
195	0mJXPN*2
196	c'D!siqN
197	mZ>\\rfC)
198	0Ce)eed:
199	T1r7eDPG
200	)]A<j+C#
201	E,J-"dF$
202	cvO,h(4m
203	u$lbI"eL
204	z"1D?0-w
205	OLkML<Qa
206	z9`=w<GI
207	@t\\gis?T
208	;]=tl|`D
209	%$J'zPr,
210	-f^CcI7-
211	*\\j1<'bV
212	W_]*-G?R
213	>r.siQ"<
214	^FL&I!aK
215	q2>Xay_p
216	x^a$1KaT
217	O&`fZk)/
218	,raG$5Y^
219	`6ahMGX9
220	seirM%>A
221	"|[4W^0+
222	ohAvw8zh
223	qHI7LdJ$
224	Nqi"GwpL
225	.T^h}q~.
226	,|)IR=2Y
227	,lz(P[oJ
228	rl{_SWy"
229	R:Z,pc$a
230	~Ke{zf1f
231	)-K$~_69
232	\\`Y;&el`
233	4veup2Bc
234	(k+[VV7}
235	1HEp^vCQ
236	o#l~&PBq
237	nNM;C.t\\
238	s,c7Lg-t
239	{WeDN`Mj
240	w~:87cvz
241	43\\IS~e?
242	f'jsR=%p
243	9%0(YL}l
244	|?F0l9?5
245	`+_IAC&*
246	,6kUcFl@
247	%Ook5lYg
248	H5bCK~}`
249	'")nVGcH
250	f<Hj(_GG
251	w8,g;A(U
252	sk2hf:>c
253	;`}-SIdX
254	32SvWG[&
255	wfFsca*$
256	v@_V[#TJ
257	)V]nl@S*
258	Mc*n-a3~
259	7R/Z!GT,
260	3)o5-`7S
261	o0^7OFRX
262	U?%:>x{!
263	T\\8@[YR5
264	F}`.[%<&
265	7,</g3^h
266	3f}B80,Z
267	v;2nEcsb
268	Hv-g!r"j
269	5A&Ad24_
270	"WJ(z[TF
271	pi.p=*\\W
272	<"H(xC)j
273	x9GmqiGR
274	Z2blza"\\
275	Ay~ZS?M@
276	t*_a9mC8
277	G6YFTlzV
278	<zntJ`u|
279	&7DOmsYR
280	F.GeiuoM
281	eHZ3weQZ
282	]pTK4QxV
283	pA[KA%"~
284	VSGe<#@!
285	{Y.(E#+d
286	Mmi{Zhq)
287	-S&:N^ed
288	+Y{]vV(b
289	0Gz%1bfq
290	%kv(Sqyl
291	{LTj!6U_
292	Z+L$b&rZ
293	>'R.tFh]
294	48S_nBjA
295	m%T{()o8
296	X<Aw3XuL
297	j9Y,z<|3
298	+12Ay_=W
299	yG[{_$sH
300	:#:^Z|`Q
301	*ewXkVF-
302	&}A>&-(6
303	Bk6%fU^Y
304	-v^)KBPH
305	Gr/95QY:
306	`O1>)|od
307	Qac\\[W]:
308	ckxkQPI#
309	$tUZj!N(
310	"NEI`+x$
311	\\*$k|-&x
312	HxTtOI-q
313	DF,[7SI~
314	kC%v!/E<
315	n3%R$x'V
316	YzDQ(U[p
317	Hs_14A_}
318	OG{EfDen
319	Dv\\:.0^Y
320	3MT*vC3}
321	3"o[zbI`
322	REj&;zOc
323	>ppwH:L*
324	Q=ysF::i
325	-*XfRv=k
326	}xfvM4MO
327	whHNI)wo
328	(|Y$\\F#X
329	mO(A8'\\B
330	R+"bX\\`/
331	E13oH<-h
332	a@//k9~u
333	ULLq*a(q
334	>1p.}_I.
335	}-(NdH%e
336	DNu\\)|c4
337	G%1MW?DR
338	={S<1#bi
339	Q]V0*B1t
340	Acc6z!}f
341	r}:V+d%"
342	F,v{1!bq
343	d9#@FPPI
344	Hw^vDN_?
345	:*m:zDWG
346	J5ZK|-6&
347	iN&(s_Nu
348	C;M*GzO)
349	Z0!pyT1;
350	F_$-^1OG
351	UZrC(qLh
352	(:51Rjw<
353	[&|j%~D{
354	+$]3L:E'
355	F,_eRsh&
356	3?([C$4G
357	d5:sqg\\O
358	<uB5?}j`
359	Pzornec%
360	i"f4*0c^
361	5'OO`U_#
362	Kw)8uyH#
363	'!A{/QCW
364	o\\R@z@7|
365	)J+5Xz]8
366	s#aF(ODe
367	UIT(qZRg
368	os[]phUV
369	"q#/c@yq
370	/B.Qi#UC
371	\\^}Dx\\Y<
372	@5;o|~Rr
373	[d-P%W"8
374	:+>}RclH
375	K4]nS=d^
376	',jHDIqC
377	urt0zMrH
378	gbX:?vV)
379	6kCM&@}V
380	04C`k<"9
381	Zp"lt4"x
382	[30^w$@_
383	$^?D1Zz!
384	tI:^*</S
385	9Ls'$Nnh
386	6%:b8drR
387	?(e5q9!M
388	a@#QEMA8
389	Da6cxMo;
390	4Ei++0s3
391	LI=Voq$+
392	,BD1NcK%
393	5*VtLq;b
394	RJ/|K~.o
395	s^x#?(8q
396	tm3fhG/U
397	%"sHaBU9
398	B7s}1a9/
399	oMN{6b(j
400	XY;[14b1
401	,b3!9MdC
402	1I*&@Kpr
403	!6o|\\bN6
404	-Vse2.I&
405	zm[-cs>O
406	8FSEL2to
407	VI8[QCFL
408	S.0ZC[x$
409	Jx9Nuga*
410	U"St(te1
411	4(|=cG0m
412	:5/H_JHW
413	{CrYIqqv
414	AONPA:9^
415	T*_].^/6
416	OQL!?X:w
417	G,;?R{M{
418	/MeUKL(b
419	}V'vH`c7
420	<,R<7xx{
421	?pFASt;+
422	<.N$kZNM
423	1b|R$J#m
424	S>i2=R;+
425	#0F2u(j,
426	q-S!PfLr
427	qT+IP]R/
428	a9iB0g,?
429	rO((@B;o
430	dE30x7P}
431	d3o0\\P$Q
432	#INtCtzi
433	PbZ)r#7X
434	~.F<+VU"
435	0X-@A,I?
436	ubx1fi&`
437	@A|GlLmK
438	op6~~{Sj
439	;ieu>OG"
440	s?o7/!fT
441	/@yS"cS)
442	CZ6fnw_A
443	T<?Mpv\\S
444	oy=*ork?
445	)X-yaHN`
446	HozBV&}|
447	8|*b=T,I
448	ONk,;OCt
449	DaK,Q]#5
450	:LhLV<1x
451	Puw\\51B.
452	Y[!{~E|j
453	1kH)#'*M
454	t=BYH)/G
455	=d"!nbK$
456	K$/%[sT*
457	{*]n2|ty
458	ZvyIEKhR
459	YPUL6_+g
460	U@TpIE|e
461	4-Px@`\\T
462	t-xSz.b8
463	,P74Y}mr
464	&[v'"RSU
465	!dNi;="s
466	m^wX1PLz
467	ZSDg5'Dl
468	9*"g2|-0
469	AH1oDXXI
470	TE_=g-6a
471	UMlo.op@
472	&|km`,R)
473	}OE~9BW]
474	qd3YEm\\7
475	WUIz0K/k
476	q9^`yZD-
477	h8m2TbXV
478	?b<g^dZO
479	sgp@9;lM
480	bW!Gy^)h
481	qiK0P\\?1
482	6J$5'l+=
483	SrAQpy6B
484	Z'L.JSv~
485	4XOViqTK
486	9l%NSp9V
487	pbQ~gudm
488	8AHm[5O{
489	ZKD!d^\\`
490	HBe:EM,g
491	!"O=$nw]
492	yOzX`-jI
493	[zv\\hCdn
494	3Y~sTsif
495	I6j`Fi_&
496	l+dPOV:!
497	d"xty3pf
498	C##Acu+D
499	}WOb4J-O
500	.;/_#>o7
501	5ma9iL0v
502	9,kss+;,
503	YGlF/(fN
504	J|=^N1s&
505	J"XB^v8E
506	a]cSY]b\\
507	N]mTl]{Q
508	8P=:Zba0
509	H7dyJ,wk
510	]0L8{;OX
511	,n?Rm?&_
512	B=a_!41V
513	w?8$ZnuU
514	c6p+||$Q
515	\\<mF07S3
516	.oZr4xJn
517	JdhC,EoU
518	!$<gM9\\Z
519	3DXNXaXl
520	5i8hN',P
521	5rC^yRc6
522	I$t>(fP,
523	l!Gt^e)I
524	|woO9C`.
525	a]|k_3AN
526	#6y5%;AN
527	n,{0zQx-
528	n@#x+*F8
529	?}Y%/Zm-
530	e%meI^|u
531	7/5jRV9_
532	W,_n;"j5
533	-v8Y?gVu
534	OIIR#KbZ
535	gi1qv92!
536	7'xV&$oa
537	,-HL0~dS
538	W*BQQx=[
539	EefCJ/hU
540	PJej)^Ri
541	1?DdEX]/
542	g`,3N"@j
543	W-]xHuK.
544	Zbtnp%(;
545	?[-y|0nV
546	:K?U^Hj&
547	-Lx&Y~:D
548	)yp8BjT_
549	p4?r+wqm
550	W_>q}.nr
551	ge',+:V@
552	+PHj<_~;
553	/A@Yp~9\\
554	}L_HFlr{
555	Y;{79#/[
556	yGV")B"I
557	ub";2yz<
558	2sFt@([L
559	z_A<QGL^
560	&t|sXsnV
561	EnpSzFoH
562	=?w~n{eW
563	G,To~>pi
564	I4N6\\,$P
565	HPzP0f)2
566	QQ9L^C|9
567	xxCW{fOc
568	DY?.h?wQ
569	{QdJ"qJ^
570	21fTdXIw
571	[5F_rv^^
572	l:#y+<Pq
573	7?/Dnoz[
574	I&O}JG:w
575	B0Rj53VJ
576	\\`W8YC-g
577	26ULB~MJ
578	16Zb/<m:
579	ODG%C`6-
580	#!IIhPBY
581	=+.8w}B`
582	P^bt[_.M
583	(/\\@/4oh
584	eZfl|_:E
585	Pvd_70Rg
586	1oY6X8E/
587	/(gD|cF'
588	JN2DFi|%
589	lgQQY"O;
590	<pyG`/12
591	xVV("W%4
592	Ve&vxlA7
593	^wFrb/AN
594	w*u=$rNS
595	=Eud[7Uk
596	*4{c$JB>
597	<tP80?\\F
598	%wBP#3WC
599	ubec;LF-
600	2#g,&nQP
601	K{Sd$wWu
602	zNH"\\3Dn
603	lv6|.dV'
604	`9.(~t1_
605	$XM=0sZ!
606	:k~FWu=/
607	$I#l=N"e
608	SKa#FLpc
609	B+YQo]L;
610	2RGCca!6
611	3FdW17;0
612	uIxdL*0O
613	=lbPN%fY
614	+M9OIADf
615	/u:#j<!H
616	1Q{[iyPX
617	q8H^oH$X
618	XQaMli{1
619	XwL]3t|P
620	G^_VKLdw
621	8]WmW>_x
622	];wm}W|3
623	-o}6}>g;
624	n*[U=@);
625	#v4cly(n
626	sIr)>6ZF
627	!/6d!nIm
628	ZJ1NDi|C
629	xxdTe~:h
630	}D&BYpfS
631	ma\\B]G[w
632	tY`p!?M=
633	,/AAA4RO
634	[l?]swG&
635	PM-]Ks#M
636	:;D'$gw"
637	[x}?u[_C
638	<gV5+t|e
639	>sCZAOc(
640	5T(sUc%6
641	\\N_Za+`7
642	)HT1@qmr
643	P5:,O#2)
644	A*%<}yzL
645	9Y4nsndP
646	Jm.u]o$m
647	D~5d~c)x
648	^s!X~*L5
649	$K!l<"U/
650	_03HF,Z>
651	wW?)KZ6g
652	:u]P{0z:
653	nBB#fS&c
654	KA%4`~$G
655	%k%uu9rE
656	W+7,/+xE
657	#fzp>GUG
658	v|)vWX>j
659	/1<U%pro
660	}CC|k[_[
661	=g^jRV)w
662	qL\\7M$)>
663	hw7wRp|W
664	c_J'1{i/
665	hWv.15XW
666	oSeq#?t~
667	0==hJvcc
668	#{>&RW4]
669	9CnK?;Dy
670	0|qeIYQi
671	-IIU3;%2
672	lEb!x_w[
673	*r8=>jUk
674	83YebZI|
675	Qa#,!8pw
676	V6^T-aLr
677	ae?SmF]<
678	7c7Cfe2f
679	qzkossRP
680	#=`QX7}^
681	L/Ky*xLZ
682	5!Q+x&ny
683	8jJ/w@<q
684	^wm|SIg}
685	M66<XG}X
686	^16MS1rS
687	SHPQW]MI
688	=+^}WaJd
689	P>@%;'j:
690	yOF_SDwx
691	iFavWb8l
692	Hf/\\9G\\2
693	?MPn@7kS
694	o>:,`W<7
695	ZbDoH.Hg
696	FP{7R:]R
697	h,7A:Rh_
698	"T"C3V!#
699	#b(s4j!Q
700	ZG7J'5#N
701	h;Vyp..z
702	9Q5Y4Yo5
703	%=$itVfr
704	Dj9.0KMq
705	Mk^:}rHn
706	-dApn,&V
707	vaz2wit5
708	/]^.#>X_
709	-L*WKDs.
710	@di.%S[4
711	w&cio@|r
712	M,*T8W':
713	.54{D0$)
714	C{DDT`U^
715	qf?w2d<,
716	^;gr)<N`
717	sXzi)LsA
718	kE#O4f?q
719	n8t[Vl_Y
720	(aNtp|rK
721	2Ze#}e{P
722	3A1+sQU&
723	;6q?q}WV
724	.%>YR#Na
725	n$l`sG|\\
726	{**^'8Zi
727	$Co#Y6.?
728	Kb&"fj`W
729	&${VM<Hs
730	"<dQq8E6
731	nYgI!4%\\
732	QD.-KJRn
733	NdnY4{)}
734	yHDxj3k4
735	&\\sWgk'?
736	ebd,re;p
737	`plflog4
738	`_@f]jHq
739	uzy+g9}X
740	Vk8aM))X
741	|0M%5OLb
742	Ow{?Qm4B
743	ueNfz1^-
744	5(T|"7!3
745	#oyVc7Dm
746	A`9)*^F8
747	DtMc5DDd
748	<JoOcKWA
749	RVgiN:KU
750	'Id+,V1o
751	ovX>;hTU
752	r&S"T*fJ
753	6@#DaJWM
754	<~TPa1S#
755	U<B<@w}V
756	pR#~3?q5
757	"kwd*)Z@
758	]!MVgjOK
759	ZsuM84tA
760	l(8SU}ND
761	JFVEJ8.u
762	v_I<t!GV
763	xeuX(Z/]
764	_vvz&L.N
765	oPfqEx0f
766	tp}.jZgF
767	)}zoRo~*
768	!ta`pjj$
769	!o0E3Imb
770	NGZN@-AO
771	[2l?TY!]
772	thQO+6':
773	ue8!ihUD
774	C!B(l;G-
775	f@2>NM~=
776	?5+-K/!K
777	6P!uP||d
778	..`@rpM2
779	m,-SRS{Q
780	qEr$}3P;
781	B`WL~f`2
782	XZkli{uy
783	mD/\\2?>^
784	.Br$cvOF
785	=u_e/tWo
786	E9Fx6eV(
787	Q^=t8x3B
788	z.r/aX2Q
789	HfJSZc%&
790	v1*7gb>t
791	yeg&(4!I
792	^u!+VMa"
793	&oj*WE$c
794	(pMs]ocu
795	;?L)~8>g
796	xWU/P0PU
797	kdy[A./_
798	<C%QTFu_
799	3A@BhbFx
800	`#Xo+Kx1
801	)j6W9Z^5
802	,,L\\Mi#r
803	S^B#dpeM
804	y)(x<KW/
805	w7).x(Ip
806	"te7'jG5
807	[13deMQt
808	'wLXo82+
809	'|&M1ijy
810	vlz8IYzE
811	kphYv?S6
812	J'#TEw#i
813	X156ou`:
814	CL=Gcr`U
815	(X%+^EA}
816	T%jPv~a0
817	+714SdHP
818	:!,.o+}z
819	V~$p3>Uz
820	~SX6Lx!h
821	H$Aq\\TV#
822	G&$ge\\k0
823	XVVUB4Co
824	3s7Ye~gB
825	c5GMN'1T
826	B,v:MrN!
827	}"[Xv|SP
828	`9Do!+yY
829	AE>ehEd&
830	'sbiR>7|
831	A7IC94-E
832	,hfv`WkJ
833	,<PI#haZ
834	W|/5}TEF
835	rKzkeynY
836	x2XtFkUq
837	&)l-f2~7
838	v5[xQz#-
839	o<8Giu'7
840	RmPu.XCY
841	wBJ)|'(L
842	IlMywOmU
843	2N{/jV~n
844	_cQad1V:
845	az|oFzBY
846	j~s%j;YN
847	B_K"[5(L
848	o|f%K.n|
849	;-@<-_wI
850	?%$"o%*z
851	xO1a\\*Mk
852	?l,Vl^+h
853	&bsP9$'1
854	&FGwgx({
855	MP[!!>^p
856	U~in5<#X
857	T{Fvd,X`
858	bwuh]k?r
859	%1uP8?rT
860	mv8ka:s7
861	*/f-eiGw
862	5k^;.,dX
863	s\\8PfPX'
864	e1qNdtVE
865	X28Rb_\\>
866	FlJF\\nIr
867	Z>#($ARR
868	oX-+lZ]4
869	3#j`A^e3
870	urlqZg~z
871	Kn7+}z"r
872	^bGiO}L\\
873	Fw6creRq
874	2v0/'%yX
875	\\{EV1v:F
876	ry$GksvS
877	O8;L-AT{
878	n|bLb|KG
879	xpFM,n>q
880	~hWQ>F8M
881	KFCAN0`E
882	;2\\g*>=#
883	"kY9xfl*
884	n1pvIbK$
885	@!k-lQIy
886	b/<"y<b(
887	MtEI,{Cx
888	[^gV)R@o
889	*elU[Ms2
890	s6J@y=Ac
891	Y12hD&8;
892	F?m.rX,|
893	yP)m!sd]
894	Zl$/6Srk
895	HvN+-azi
896	Tq]}O;`N
897	%=at0}E$
898	6wV*y@V&
899	;t-PP$Ii
900	4)J05=5N
901	nTgeQ'}B
902	?#wpl?(W
903	p>Mg\\.c!
904	2,O,?/e)
905	L:H*DKXn
906	7/X_lP-=
907	IFhLpI$N
908	hwKPJ>!:
909	"{xnz{8[
910	A,JnbA4#
911	<[7ecm*Z
912	$:$_!}s'
913	BHYfG5Nc
914	g1]`p)8x
915	!^^QzmZf
916	J@jvp.#C
917	M6~?0+}C
918	Oi^2WKy+
919	8\\>}Es+'
920	8l9jF/?=
921	g,o2::yf
922	]|^e7a?*
923	>%r^+V7k
924	H>$h&#/E
925	x^%kXZ5h
926	vrqX]N!@
927	!bbeQ6fH
928	ez':rD}!
929	kTo-+s0A
930	1a"Jp961
931	`7&]t9P-
932	w3\\$6?);
933	c+%TtAo^
934	5|g\\6=jR
935	Me|jku%-
936	![cr}]J`
937	yqd$"XLv
938	<V/WtWhx
939	M)%O9[=Y
940	=]gE]%+#
941	[CNP'|,A
942	.u.0"wSk
943	E"QXbnUh
944	`zbL29>z
945	#(HHZl*/
946	%\\SF4j?j
947	~#TX]_Hb
948	A2;/+e9I
949	n(B/)BM'
950	\\Zf-cNB&
951	uE%IIlkD
952	SD#7jsm_
953	E{s4JP#n
954	\\qhA&7vc
955	F/_JxP&%
956	b;Fiws_!
957	\\HpQ;j{6
958	9|ij0&/a
959	l_F+G|-a
960	B0jbCuvR
961	"e19TIys
962	wO1'-'Lg
963	P)h_d//{
964	/:1E]a(G
965	]hB6L7IB
966	!7yZ^2vN
967	DXYOC=PM
968	.9!O@*K'
969	A7qa;yhs
970	"NNn.;3q
971	6WJs~RdF
972	ZOk9<H;A
973	|R}VSj'W
974	slx3r$/S
975	+jTr6!go
976	t'_Kqf7M
977	U8fP{yRs
978	>BSQ(C7a
979	b[y#LYOQ
980	9x{jLdGR
981	S[Z2]TCT
982	PXx.y+bY
983	,0*G(33,
984	v!'.bKRH
985	}VLxYw^6
986	Lkl6+AA{
987	LH79xs*3
988	*5YV{V#U
989	zY]X!tx6
990	A(-GAB]w
991	^P1\\iGw#
992	YC2fb6G'
993	S1;~w,?3
994	I=5J~"/-
995	vchAr*Eg
996	ozy?,Mp^
997	x41T\\.B:
998	F5Xg'1yj
999	6wMy9xj/
1000	QaT=Tf"]
\.
ANALYZE "pg_temp"."sqlsynth_pool_15";
ALTER TABLE "public"."staff" DROP CONSTRAINT "staff_store_id_fkey";
-- actor: 1000 rows (tables.actor)
INSERT INTO "public"."actor" ("actor_id", "first_name", "last_name", "last_update")
SELECT "g"."i", CAST(("a1"."w")[1 + (HASHINT8EXTENDED("g"."i", 281665147529005941) & 4294967295) % 1000] AS TEXT), CAST(("a2"."w")[1 + (HASHINT8EXTENDED("g"."i", -8282339049277595932) & 4294967295) % 844] AS TEXT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 8660558376577807076) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", 3250615066252824456) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_1") AS "a1"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_2") AS "a2"("w");
-- category: 1000 rows (tables.category)
INSERT INTO "public"."category" ("category_id", "name", "last_update")
SELECT "g"."i", CAST(("a3"."w")[1 + (HASHINT8EXTENDED("g"."i", -552409286758585387) & 4294967295) % 1000] AS TEXT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 8590903708170104116) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", 949737562775219831) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_3") AS "a3"("w");
-- country: 1000 rows (tables.country)
INSERT INTO "public"."country" ("country_id", "country", "last_update")
SELECT "g"."i", CAST(("a4"."w")[1 + (HASHINT8EXTENDED("g"."i", -8190847028364469361) & 4294967295) % 250] AS TEXT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -2862419786214263678) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -5430436770881207461) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_4") AS "a4"("w");
-- city: 1000 rows (tables.city)
INSERT INTO "public"."city" ("city_id", "city", "country_id", "last_update")
SELECT "g"."i", CAST(("a5"."w")[1 + (HASHINT8EXTENDED("g"."i", 6889853356017348770) & 4294967295) % 832] AS TEXT), (1 + (HASHINT8EXTENDED("g"."i", 6168448510358974957) & 4294967295) % 1000), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -2335431879011049572) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -4013229755369682221) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_5") AS "a5"("w");
-- address: 1000 rows (tables.address)
INSERT INTO "public"."address" ("address_id", "address", "address2", "district", "city_id", "postal_code", "phone", "last_update")
SELECT "g"."i", CAST(("a6"."w")[1 + (HASHINT8EXTENDED("g"."i", -7219305851834055361) & 4294967295) % 1000] AS TEXT), CASE WHEN (CAST((HASHINT8EXTENDED("g"."i", 8317415161937537939) & 4294967295) AS DOUBLE PRECISION) / 4294967296.0) < 0.5 THEN NULL ELSE CAST(("a6"."w")[1 + (HASHINT8EXTENDED("g"."i", 6811422532119185282) & 4294967295) % 1000] AS TEXT) END, CAST(("a7"."w")[1 + (HASHINT8EXTENDED("g"."i", -2687563894158793645) & 4294967295) % 67] AS TEXT), (1 + (HASHINT8EXTENDED("g"."i", 1077698157455194039) & 4294967295) % 1000), CAST(("a8"."w")[1 + (HASHINT8EXTENDED("g"."i", -8228772883035465054) & 4294967295) % 1000] AS TEXT), CAST(("a9"."w")[1 + (HASHINT8EXTENDED("g"."i", -2506628958335696640) & 4294967295) % 1000] AS TEXT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 205536182678723906) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", 92986949264075623) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_6") AS "a6"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_7") AS "a7"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_8") AS "a8"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_9") AS "a9"("w");
-- language: 1000 rows (tables.language)
INSERT INTO "public"."language" ("language_id", "name", "last_update")
SELECT "g"."i", CAST(("a10"."w")[1 + (HASHINT8EXTENDED("g"."i", 7541381576545074163) & 4294967295) % 97] AS TEXT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -1551859632729683343) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -6891911625983319836) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_10") AS "a10"("w");
-- film: 1000 rows (tables.film)
INSERT INTO "public"."film" ("film_id", "title", "description", "release_year", "language_id", "original_language_id", "rental_duration", "rental_rate", "length", "replacement_cost", "rating", "last_update", "special_features", "fulltext")
SELECT "g"."i", LEFT(INITCAP((CAST(("a11"."w")[1 + (HASHINT8EXTENDED("g"."i", -36777795275284844) & 4294967295) % 1000] AS TEXT) || ' ' || CAST(("a11"."w")[1 + (HASHINT8EXTENDED("g"."i", -5030324344457247370) & 4294967295) % 1000] AS TEXT))), 255), "p1"."v", 1970 + (HASHINT8EXTENDED("g"."i", -678466458602264425) & 4294967295) % 56, (1 + (HASHINT8EXTENDED("g"."i", 6001223757885724393) & 4294967295) % 1000), (1 + (HASHINT8EXTENDED("g"."i", -1440027899970905288) & 4294967295) % 1000), 1 + (HASHINT8EXTENDED("g"."i", 3971275767911147465) & 4294967295) % 9, CAST(166 + (HASHINT8EXTENDED("g"."i", -2590558144890691047) & 4294967295) % 1332 AS DECIMAL) / 100, 1 + (HASHINT8EXTENDED("g"."i", -4322438910044236717) & 4294967295) % 1000, CAST(666 + (HASHINT8EXTENDED("g"."i", 3239737973699467514) & 4294967295) % 5332 AS DECIMAL) / 100, CAST((ARRAY['G', 'PG', 'PG-13', 'R', 'NC-17'])[1 + (HASHINT8EXTENDED("g"."i", 1436281324877776636) & 4294967295) % 5] AS mpaa_rating), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -1355086084878182372) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -550535712352042333) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC'), CASE WHEN (HASHINT8EXTENDED("g"."i", 4900345481183802720) & 4294967295) % 4 = 0 THEN CAST(ARRAY[] AS TEXT[]) ELSE CAST((ARRAY[CAST(("sqlsynth_sentences6"."t")[1 + ((HASHINT8EXTENDED(("g"."i" * 4 + 0), -1820151291547589410) & 4294967295) % 285) * 6 + (HASHINT8EXTENDED(("g"."i" * 4 + 0), 6322487818941409472) & 4294967295) % 6] AS TEXT), CAST(("sqlsynth_sentences6"."t")[1 + ((HASHINT8EXTENDED(("g"."i" * 4 + 1), -1820151291547589410) & 4294967295) % 285) * 6 + (HASHINT8EXTENDED(("g"."i" * 4 + 1), 6322487818941409472) & 4294967295) % 6] AS TEXT), CAST(("sqlsynth_sentences6"."t")[1 + ((HASHINT8EXTENDED(("g"."i" * 4 + 2), -1820151291547589410) & 4294967295) % 285) * 6 + (HASHINT8EXTENDED(("g"."i" * 4 + 2), 6322487818941409472) & 4294967295) % 6] AS TEXT)])[1:(HASHINT8EXTENDED("g"."i", 4900345481183802720) & 4294967295) % 4] AS TEXT[]) END, TO_TSVECTOR(CAST('english' AS REGCONFIG), ARRAY_TO_STRING(("sqlsynth_words"."w")[1 + (HASHINT8EXTENDED("g"."i", -2024745700839164558) & 4294967295) % 285:1 + (HASHINT8EXTENDED("g"."i", -2024745700839164558) & 4294967295) % 285 + (HASHINT8EXTENDED("g"."i", -1489310846750905338) & 4294967295) % 6], ' ')) FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_11") AS "a11"("w") CROSS JOIN (SELECT ARRAY(SELECT CAST(RTRIM((INITCAP(("sqlsynth_words"."w")["s"."s"]) || ' ' || ARRAY_TO_STRING(("sqlsynth_words"."w")["s"."s" + 1:"s"."s" + "k"."k"], ' '))) AS NAME) FROM (SELECT CAST(ARRAY['able', 'about', 'account', 'action', 'active', 'address', 'after', 'again', 'agent', 'air', 'amount', 'answer', 'area', 'army', 'art', 'autumn', 'bank', 'base', 'bear', 'beautiful', 'bed', 'bird', 'black', 'blue', 'board', 'boat', 'body', 'book', 'border', 'box', 'bread', 'bridge', 'bright', 'brother', 'brown', 'build', 'business', 'call', 'camera', 'capital', 'card', 'care', 'carry', 'case', 'cat', 'center', 'chair', 'chance', 'change', 'chapter', 'charge', 'child', 'choice', 'city', 'class', 'clear', 'clock', 'cloud', 'coast', 'cold', 'colour', 'common', 'company', 'cook', 'copy', 'corner', 'cost', 'country', 'course', 'cover', 'cream', 'cross', 'crowd', 'cup', 'dance', 'dark', 'daughter', 'day', 'deep', 'desert', 'design', 'detail', 'dinner', 'direct', 'doctor', 'dog', 'door', 'dream', 'dress', 'drive', 'early', 'earth', 'east', 'edge', 'effect', 'energy', 'engine', 'evening', 'event', 'example', 'face', 'fact', 'family', 'farm', 'father', 'field', 'film', 'fire', 'first', 'fish', 'floor', 'flower', 'force', 'forest', 'free', 'fresh', 'friend', 'front', 'fruit', 'game', 'garden', 'gate', 'gift', 'glass', 'gold', 'good', 'grass', 'great', 'green', 'ground', 'group', 'guide', 'hand', 'happy', 'harbour', 'heart', 'heavy', 'high', 'hill', 'history', 'home', 'horse', 'hotel', 'house', 'idea', 'island', 'journey', 'kind', 'king', 'kitchen', 'lake', 'land', 'language', 'large', 'late', 'leader', 'letter', 'light', 'line', 'lion', 'little', 'local', 'long', 'lucky', 'machine', 'main', 'map', 'market', 'match', 'meal', 'middle', 'milk', 'mind', 'minute', 'model', 'money', 'month', 'moon', 'morning', 'mother', 'mountain', 'music', 'name', 'nation', 'nature', 'night', 'noble', 'north', 'note', 'number', 'ocean', 'office', 'open', 'orange', 'order', 'paper', 'park', 'party', 'pattern', 'peace', 'people', 'picture', 'piece', 'place', 'plain', 'planet', 'plant', 'point', 'power', 'present', 'press', 'price', 'prize', 'public', 'quiet', 'radio', 'rain', 'red', 'region', 'report', 'rich', 'river', 'road', 'rock', 'room', 'round', 'royal', 'safe', 'salt', 'school', 'science', 'sea', 'season', 'second', 'secret', 'service', 'shadow', 'ship', 'shop', 'short', 'silver', 'simple', 'sister', 'sky', 'small', 'smile', 'snow', 'soft', 'song', 'south', 'space', 'spring', 'square', 'star', 'station', 'stone', 'story', 'street', 'strong', 'summer', 'sun', 'table', 'teacher', 'team', 'test', 'thunder', 'time', 'top', 'tower', 'town', 'track', 'trade', 'train', 'travel', 'tree', 'union', 'valley', 'village', 'voice', 'wall', 'water', 'west', 'wheel', 'white', 'wild', 'window', 'winter', 'wood', 'world', 'year', 'young'] AS NAME[])) AS "sqlsynth_words"("w") CROSS JOIN GENERATE_SERIES(1, 285) AS "s"("s") CROSS JOIN GENERATE_SERIES(0, 5) AS "k"("k") ORDER BY "s"."s", "k"."k")) AS "sqlsynth_sentences6"("t") CROSS JOIN (SELECT CAST(ARRAY['able', 'about', 'account', 'action', 'active', 'address', 'after', 'again', 'agent', 'air', 'amount', 'answer', 'area', 'army', 'art', 'autumn', 'bank', 'base', 'bear', 'beautiful', 'bed', 'bird', 'black', 'blue', 'board', 'boat', 'body', 'book', 'border', 'box', 'bread', 'bridge', 'bright', 'brother', 'brown', 'build', 'business', 'call', 'camera', 'capital', 'card', 'care', 'carry', 'case', 'cat', 'center', 'chair', 'chance', 'change', 'chapter', 'charge', 'child', 'choice', 'city', 'class', 'clear', 'clock', 'cloud', 'coast', 'cold', 'colour', 'common', 'company', 'cook', 'copy', 'corner', 'cost', 'country', 'course', 'cover', 'cream', 'cross', 'crowd', 'cup', 'dance', 'dark', 'daughter', 'day', 'deep', 'desert', 'design', 'detail', 'dinner', 'direct', 'doctor', 'dog', 'door', 'dream', 'dress', 'drive', 'early', 'earth', 'east', 'edge', 'effect', 'energy', 'engine', 'evening', 'event', 'example', 'face', 'fact', 'family', 'farm', 'father', 'field', 'film', 'fire', 'first', 'fish', 'floor', 'flower', 'force', 'forest', 'free', 'fresh', 'friend', 'front', 'fruit', 'game', 'garden', 'gate', 'gift', 'glass', 'gold', 'good', 'grass', 'great', 'green', 'ground', 'group', 'guide', 'hand', 'happy', 'harbour', 'heart', 'heavy', 'high', 'hill', 'history', 'home', 'horse', 'hotel', 'house', 'idea', 'island', 'journey', 'kind', 'king', 'kitchen', 'lake', 'land', 'language', 'large', 'late', 'leader', 'letter', 'light', 'line', 'lion', 'little', 'local', 'long', 'lucky', 'machine', 'main', 'map', 'market', 'match', 'meal', 'middle', 'milk', 'mind', 'minute', 'model', 'money', 'month', 'moon', 'morning', 'mother', 'mountain', 'music', 'name', 'nation', 'nature', 'night', 'noble', 'north', 'note', 'number', 'ocean', 'office', 'open', 'orange', 'order', 'paper', 'park', 'party', 'pattern', 'peace', 'people', 'picture', 'piece', 'place', 'plain', 'planet', 'plant', 'point', 'power', 'present', 'press', 'price', 'prize', 'public', 'quiet', 'radio', 'rain', 'red', 'region', 'report', 'rich', 'river', 'road', 'rock', 'room', 'round', 'royal', 'safe', 'salt', 'school', 'science', 'sea', 'season', 'second', 'secret', 'service', 'shadow', 'ship', 'shop', 'short', 'silver', 'simple', 'sister', 'sky', 'small', 'smile', 'snow', 'soft', 'song', 'south', 'space', 'spring', 'square', 'star', 'station', 'stone', 'story', 'street', 'strong', 'summer', 'sun', 'table', 'teacher', 'team', 'test', 'thunder', 'time', 'top', 'tower', 'town', 'track', 'trade', 'train', 'travel', 'tree', 'union', 'valley', 'village', 'voice', 'wall', 'water', 'west', 'wheel', 'white', 'wild', 'window', 'winter', 'wood', 'world', 'year', 'young'] AS NAME[])) AS "sqlsynth_words"("w") LEFT JOIN "pg_temp"."sqlsynth_pool_12" AS "p1" ON "p1"."k" = 1 + (HASHINT8EXTENDED("g"."i", 2732041046264386966) & 4294967295) % 28;
-- film_actor: 1000 rows (tables.film_actor)
INSERT INTO "public"."film_actor" ("actor_id", "film_id", "last_update")
SELECT (1 + ((285617 * ("g"."i" - 1) + 327109) % 1000000) % 1000), (1 + ((285617 * ("g"."i" - 1) + 327109) % 1000000 / 1000) % 1000), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -4974711130148154862) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -6005488763477856927) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i");
-- film_category: 1000 rows (tables.film_category)
INSERT INTO "public"."film_category" ("film_id", "category_id", "last_update")
SELECT (1 + ((163063 * ("g"."i" - 1) + 599336) % 1000000 / 1000) % 1000), (1 + ((163063 * ("g"."i" - 1) + 599336) % 1000000) % 1000), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 5659150868349578579) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -7989408812374823523) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i");
-- staff: 1000 rows (tables.staff)
INSERT INTO "public"."staff" ("staff_id", "first_name", "last_name", "address_id", "email", "store_id", "active", "username", "password", "last_update", "picture")
SELECT "g"."i", CAST(("a1"."w")[1 + (HASHINT8EXTENDED("g"."i", -8470101164072820067) & 4294967295) % 1000] AS TEXT), CAST(("a2"."w")[1 + (HASHINT8EXTENDED("g"."i", -5912151659331053601) & 4294967295) % 844] AS TEXT), (1 + (HASHINT8EXTENDED("g"."i", -7662878638401299367) & 4294967295) % 1000), CAST(("a13"."w")[1 + (HASHINT8EXTENDED("g"."i", 3099349873335800457) & 4294967295) % 1000] AS TEXT), (1 + (HASHINT8EXTENDED("g"."i", -626672041357280021) & 4294967295) % 1000), (CAST((HASHINT8EXTENDED("g"."i", -3983326870752858391) & 4294967295) AS DOUBLE PRECISION) / 4294967296.0) < 0.9, CAST(("a14"."w")[1 + (HASHINT8EXTENDED("g"."i", -4223447152041074324) & 4294967295) % 1000] AS TEXT), CAST(("a15"."w")[1 + (HASHINT8EXTENDED("g"."i", 3572476452026163303) & 4294967295) % 1000] AS TEXT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -249630650654790749) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", 3695226856827620620) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC'), DECODE(MD5(CAST((HASHINT8EXTENDED("g"."i", 6601913219581758369) & 4294967295) AS TEXT)), 'hex') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_1") AS "a1"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_2") AS "a2"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_13") AS "a13"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_14") AS "a14"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_15") AS "a15"("w");
-- store: 1000 rows (tables.store)
INSERT INTO "public"."store" ("store_id", "manager_staff_id", "address_id", "last_update")
SELECT "g"."i", (1 + ((917 * ("g"."i" - 1) + 669) % 1000) % 1000), (1 + (HASHINT8EXTENDED("g"."i", 7476430122998176106) & 4294967295) % 1000), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -6168043722595811183) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -1731901017299198062) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i");
-- customer: 1000 rows (tables.customer)
INSERT INTO "public"."customer" ("customer_id", "store_id", "first_name", "last_name", "email", "address_id", "activebool", "create_date", "last_update")
SELECT "g"."i", (1 + (HASHINT8EXTENDED("g"."i", -7904207860017378443) & 4294967295) % 1000), CAST(("a1"."w")[1 + (HASHINT8EXTENDED("g"."i", 2266588641341382393) & 4294967295) % 1000] AS TEXT), CAST(("a2"."w")[1 + (HASHINT8EXTENDED("g"."i", 1525134835278311774) & 4294967295) % 844] AS TEXT), CAST(("a13"."w")[1 + (HASHINT8EXTENDED("g"."i", 2201566092530152265) & 4294967295) % 1000] AS TEXT), (1 + (HASHINT8EXTENDED("g"."i", -4775806459438847650) & 4294967295) % 1000), (CAST((HASHINT8EXTENDED("g"."i", -870369742985391972) & 4294967295) AS DOUBLE PRECISION) / 4294967296.0) < 0.9, CAST('1970-01-01' AS DATE) + CAST(16436 + (HASHINT8EXTENDED("g"."i", 3920913579697085368) & 4294967295) % 4018 AS INT), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 5427521006923638542) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -3191077915807173469) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_1") AS "a1"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_2") AS "a2"("w") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_13") AS "a13"("w");
-- inventory: 1000 rows (tables.inventory)
INSERT INTO "public"."inventory" ("inventory_id", "film_id", "store_id", "last_update")
SELECT "g"."i", (1 + (HASHINT8EXTENDED("g"."i", 7632212060051903985) & 4294967295) % 1000), (1 + (HASHINT8EXTENDED("g"."i", 6643952216420144962) & 4294967295) % 1000), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 1551069834421904858) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -7630777965720251762) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i");
-- rental: 1000 rows (tables.rental)
INSERT INTO "public"."rental" ("rental_id", "inventory_id", "customer_id", "staff_id", "last_update", "rental_period")
SELECT "g"."i", (1 + (HASHINT8EXTENDED("g"."i", 8466317465209885130) & 4294967295) % 1000), (1 + (HASHINT8EXTENDED("g"."i", 4163546197115827122) & 4294967295) % 1000), (1 + (HASHINT8EXTENDED("g"."i", 8697639111306564725) & 4294967295) % 1000), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", -4869464596780465842) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", 5892345122078404751) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC'), TSRANGE((TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 376089636175133020) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -7951511691744444390) & 4294967295) & 2097151)) % 347155199) AT TIME ZONE 'UTC'), (TO_TIMESTAMP(1420070400 + (((HASHINT8EXTENDED("g"."i", 376089636175133020) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -7951511691744444390) & 4294967295) & 2097151)) % 347155199 + 3600 + (((HASHINT8EXTENDED("g"."i", 1247460582223451666) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -8371383173489670662) & 4294967295) & 2097151)) % 1209600) AT TIME ZONE 'UTC')) FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i");
-- payment: 1000 rows (tables.payment)
INSERT INTO "public"."payment" ("payment_id", "customer_id", "staff_id", "rental_id", "amount", "payment_date")
SELECT "g"."i", (1 + (HASHINT8EXTENDED("g"."i", 4753818131394584024) & 4294967295) % 1000), (1 + (HASHINT8EXTENDED("g"."i", 8108319227651899976) & 4294967295) % 1000), (1 + (HASHINT8EXTENDED("g"."i", -7472474441110618198) & 4294967295) % 1000), (CAST(GREATEST(LEAST(EXP(2.3 + 0.8 * (SQRT((-2.0) * LN(1.0 - (CAST((HASHINT8EXTENDED("g"."i", 7278119790906358431) & 4294967295) AS DOUBLE PRECISION) / 4294967296.0))) * COS(6.283185307179586 * (CAST((HASHINT8EXTENDED("g"."i", 5189463452830539406) & 4294967295) AS DOUBLE PRECISION) / 4294967296.0)))), 999.99), -999.99) * 100 AS BIGINT) * 0.01), (TO_TIMESTAMP(1167609600 + (((HASHINT8EXTENDED("g"."i", 5810023088479587577) & 4294967295) << 21) | ((HASHINT8EXTENDED("g"."i", -6155849239071861062) & 4294967295) & 2097151)) % 15638400) AT TIME ZONE 'UTC') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 1000) AS "g"("i");
ALTER TABLE "public"."staff" ADD CONSTRAINT "staff_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "public"."store" ("store_id");
DO 'BEGIN PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."actor"'', ''actor_id''), COALESCE((SELECT MAX("actor_id") FROM "public"."actor"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."category"'', ''category_id''), COALESCE((SELECT MAX("category_id") FROM "public"."category"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."country"'', ''country_id''), COALESCE((SELECT MAX("country_id") FROM "public"."country"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."city"'', ''city_id''), COALESCE((SELECT MAX("city_id") FROM "public"."city"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."address"'', ''address_id''), COALESCE((SELECT MAX("address_id") FROM "public"."address"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."language"'', ''language_id''), COALESCE((SELECT MAX("language_id") FROM "public"."language"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."film"'', ''film_id''), COALESCE((SELECT MAX("film_id") FROM "public"."film"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."staff"'', ''staff_id''), COALESCE((SELECT MAX("staff_id") FROM "public"."staff"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."store"'', ''store_id''), COALESCE((SELECT MAX("store_id") FROM "public"."store"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."customer"'', ''customer_id''), COALESCE((SELECT MAX("customer_id") FROM "public"."customer"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."inventory"'', ''inventory_id''), COALESCE((SELECT MAX("inventory_id") FROM "public"."inventory"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."rental"'', ''rental_id''), COALESCE((SELECT MAX("rental_id") FROM "public"."rental"), 0) + 1, FALSE); PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."payment"'', ''payment_id''), COALESCE((SELECT MAX("payment_id") FROM "public"."payment"), 0) + 1, FALSE); END';
COMMIT;
ANALYZE "public"."actor";
ANALYZE "public"."category";
ANALYZE "public"."country";
ANALYZE "public"."city";
ANALYZE "public"."address";
ANALYZE "public"."language";
ANALYZE "public"."film";
ANALYZE "public"."film_actor";
ANALYZE "public"."film_category";
ANALYZE "public"."staff";
ANALYZE "public"."store";
ANALYZE "public"."customer";
ANALYZE "public"."inventory";
ANALYZE "public"."rental";
ANALYZE "public"."payment";
