<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CallTraceFile</name>
    <message>
        <source>warning: the call trace was not written: %1</source>
        <translation>Warnung: Das Aufrufprotokoll wurde nicht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>CheckKeyCommand</name>
    <message>
        <source>The key&apos;s label (default: akeyless_hsm).</source>
        <translation>Das Label des Schlüssels (Standard: akeyless_hsm).</translation>
    </message>
    <message>
        <source>  not on this module: %1</source>
        <translation>  nicht auf diesem Modul: %1</translation>
    </message>
    <message>
        <source>Check that the labelled key exists once and works: HMAC-SHA256, or for a key-encryption key an encrypt/decrypt round trip.</source>
        <translation>Prüfen, dass der Schlüssel mit dem Label genau einmal existiert und funktioniert: HMAC-SHA256, bei einem Schlüsselverschlüsselungsschlüssel (KEK) ein Hin- und Rückweg aus Ver- und Entschlüsselung.</translation>
    </message>
    <message>
        <source>Key type: AES. This module also computes HMAC-SHA256 with it, so it can be the HMAC key of hsm_wrap_hmac and hsm_secured fragments too.</source>
        <translation>Schlüsseltyp: AES. Dieses Modul berechnet damit auch HMAC-SHA256, daher kann er auch der HMAC-Schlüssel von hsm_wrap_hmac- und hsm_secured-Fragmenten sein.</translation>
    </message>
    <message>
        <source>Key type: AES. It can be the KEK of hsm_wrap_encrypt fragments, but not the HMAC key of hsm_wrap_hmac or hsm_secured ones here. %1</source>
        <translation>Schlüsseltyp: AES. Er kann der KEK von hsm_wrap_encrypt-Fragmenten sein, hier aber nicht der HMAC-Schlüssel von hsm_wrap_hmac- oder hsm_secured-Fragmenten. %1</translation>
    </message>
    <message>
        <source>Why: PKCS#11 defines HMAC-SHA256 (CKM_SHA256_HMAC) for generic secret (CKK_GENERIC_SECRET) and SHA256-HMAC (CKK_SHA256_HMAC) keys; SoftHSM and most HSMs keep to that and refuse AES keys. Ask the HSM team for a generic secret key of at least 32 bytes that may sign (CKA_SIGN), sensitive and not extractable, or make one with create-key.</source>
        <translation>Warum: PKCS#11 definiert HMAC-SHA256 (CKM_SHA256_HMAC) für Generic-Secret-Schlüssel (CKK_GENERIC_SECRET) und SHA256-HMAC-Schlüssel (CKK_SHA256_HMAC); SoftHSM und die meisten HSMs halten sich daran und lehnen AES-Schlüssel ab. Bitten Sie das HSM-Team um einen Generic-Secret-Schlüssel mit mindestens 32 Bytes, der signieren darf (CKA_SIGN), sensitiv und nicht extrahierbar, oder erzeugen Sie einen mit create-key.</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>PKCS#11 library to use (default: PKCS11_LIB_PATH, else the built-in demo HSM).</source>
        <translation>Zu verwendende PKCS#11-Bibliothek (Standard: PKCS11_LIB_PATH, sonst das eingebaute Demo-HSM).</translation>
    </message>
    <message>
        <source>Token by its exact label (default: HSM_TOKEN_LABEL).</source>
        <translation>Token über sein genaues Label (Standard: HSM_TOKEN_LABEL).</translation>
    </message>
    <message>
        <source>Token by serial number (default: HSM_TOKEN_SERIAL).</source>
        <translation>Token über die Seriennummer (Standard: HSM_TOKEN_SERIAL).</translation>
    </message>
    <message>
        <source>Token by PKCS#11 URI (RFC 7512), e.g. pkcs11:token=demo.</source>
        <translation>Token über eine PKCS#11-URI (RFC 7512), z. B. pkcs11:token=demo.</translation>
    </message>
    <message>
        <source>Log in even when the token says one PIN attempt is left.</source>
        <translation>Auch dann anmelden, wenn das Token nur noch einen PIN-Versuch meldet.</translation>
    </message>
    <message>
        <source>Write every PKCS#11 call made (time, function, slot or session, return value, duration; never an argument) to this file.</source>
        <translation>Jeden PKCS#11-Aufruf (Zeit, Funktion, Slot oder Sitzung, Rückgabewert, Dauer; nie ein Argument) in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Give up on a PKCS#11 call that has not answered after this many seconds (default: 30; 0: wait for ever).</source>
        <translation>Einen PKCS#11-Aufruf aufgeben, der nach so vielen Sekunden nicht geantwortet hat (Standard: 30; 0: unbegrenzt warten).</translation>
    </message>
    <message>
        <source>Output format: text or json (default: text).</source>
        <translation>Ausgabeformat: text oder json (Standard: text).</translation>
    </message>
    <message>
        <source>Token by slot id, in decimal (default: HSM_SLOT).</source>
        <translation>Token über die Slot-ID, dezimal (Standard: HSM_SLOT).</translation>
    </message>
    <message>
        <source>Read the user PIN from the first line of this file (it wins over HSM_PIN; without either, a prompt on a terminal).</source>
        <translation>Die Benutzer-PIN aus der ersten Zeile dieser Datei lesen (hat Vorrang vor HSM_PIN; ohne beides eine Abfrage am Terminal).</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>using the built-in demo HSM (SoftHSMv2, user PIN %1), not for production; choose a library with --module or PKCS11_LIB_PATH.</source>
        <translation>Das eingebaute Demo-HSM wird verwendet (SoftHSMv2, Benutzer-PIN %1), nicht für den Produktivbetrieb; eine Bibliothek mit --module oder PKCS11_LIB_PATH wählen.</translation>
    </message>
    <message>
        <source>User PIN for %1: </source>
        <translation>Benutzer-PIN für %1: </translation>
    </message>
    <message>
        <source>Enter the PIN on the device&apos;s PIN pad.</source>
        <translation>Die PIN am PIN-Pad des Geräts eingeben.</translation>
    </message>
</context>
<context>
    <name>CreateKeyCommand</name>
    <message>
        <source>The key&apos;s label, as the gateway will look it up.</source>
        <translation>Das Label des Schlüssels, unter dem das Gateway ihn sucht.</translation>
    </message>
    <message>
        <source>CKA_ID in hex (default: 8 random bytes).</source>
        <translation>CKA_ID hexadezimal (Standard: 8 zufällige Bytes).</translation>
    </message>
    <message>
        <source>create-key needs --label.</source>
        <translation>create-key braucht --label.</translation>
    </message>
    <message>
        <source>--bytes must be a positive number of bytes.</source>
        <translation>--bytes muss eine positive Anzahl Bytes sein.</translation>
    </message>
    <message>
        <source>--id must be hex bytes, e.g. 01ab, not &apos;%1&apos;.</source>
        <translation>--id muss aus Hex-Bytes bestehen, z. B. 01ab, nicht „%1“.</translation>
    </message>
    <message>
        <source>This token cannot generate %1 keys (it does not list %2 for key generation).</source>
        <translation>Dieses Token kann keine %1-Schlüssel erzeugen (es führt %2 nicht zur Schlüsselerzeugung auf).</translation>
    </message>
    <message numerus="yes">
        <source>Created secret key &apos;%1&apos; (%2, %n bits, id %3).</source>
        <translation>
            <numerusform>Geheimer Schlüssel „%1“ erstellt (%2, %n Bit, ID %3).</numerusform>
            <numerusform>Geheimer Schlüssel „%1“ erstellt (%2, %n Bit, ID %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>generic or sha256-hmac (an HMAC key), or rsa or aes (a key-encryption key for hsm_wrap_encrypt); default: generic.</source>
        <translation>generic oder sha256-hmac (ein HMAC-Schlüssel), oder rsa oder aes (ein KEK für hsm_wrap_encrypt); Standard: generic.</translation>
    </message>
    <message>
        <source>Key length in bytes (default: 32; AES: 16, 24 or 32).</source>
        <translation>Schlüssellänge in Bytes (Standard: 32; AES: 16, 24 oder 32).</translation>
    </message>
    <message>
        <source>RSA modulus length: 2048 (default), 3072 or 4096.</source>
        <translation>Länge des RSA-Moduls: 2048 (Standard), 3072 oder 4096.</translation>
    </message>
    <message>
        <source>--key-type must be generic, sha256-hmac, rsa or aes, not &apos;%1&apos;.</source>
        <translation>--key-type muss generic, sha256-hmac, rsa oder aes sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--bits is for --key-type rsa; other keys take --bytes.</source>
        <translation>--bits gilt für --key-type rsa; andere Schlüssel nehmen --bytes.</translation>
    </message>
    <message>
        <source>An RSA key&apos;s size is given with --bits, not --bytes.</source>
        <translation>Die Größe eines RSA-Schlüssels wird mit --bits angegeben, nicht mit --bytes.</translation>
    </message>
    <message>
        <source>--bits must be 2048, 3072 or 4096.</source>
        <translation>--bits muss 2048, 3072 oder 4096 sein.</translation>
    </message>
    <message>
        <source>This token cannot generate RSA key pairs (it does not list CKM_RSA_PKCS_KEY_PAIR_GEN).</source>
        <translation>Dieses Token kann keine RSA-Schlüsselpaare erzeugen (es führt CKM_RSA_PKCS_KEY_PAIR_GEN nicht auf).</translation>
    </message>
    <message>
        <source>Created RSA key pair &apos;%1&apos; (%2 bits, id %3): the private key decrypts and unwraps, the public key encrypts and wraps.</source>
        <translation>RSA-Schlüsselpaar „%1“ erstellt (%2 Bit, ID %3): Der private Schlüssel entschlüsselt und entpackt, der öffentliche verschlüsselt und verpackt.</translation>
    </message>
    <message>
        <source>Created AES key &apos;%1&apos; (%2 bits, id %3) for encrypt and decrypt only: a key-encryption key.</source>
        <translation>AES-Schlüssel „%1“ erstellt (%2 Bit, ID %3), nur zum Ver- und Entschlüsseln: ein Schlüsselverschlüsselungsschlüssel (KEK).</translation>
    </message>
    <message>
        <source>Create the HMAC-SHA256 key, or a key-encryption key (RSA key pair or AES), on the selected token.</source>
        <translation>Den HMAC-SHA256-Schlüssel oder einen Schlüsselverschlüsselungsschlüssel (RSA-Schlüsselpaar oder AES) auf dem gewählten Token erstellen.</translation>
    </message>
</context>
<context>
    <name>DeriveCommand</name>
    <message>
        <source>The fragments file.</source>
        <translation>Die Fragmentdatei.</translation>
    </message>
    <message>
        <source>The fragment&apos;s id.</source>
        <translation>Die ID des Fragments.</translation>
    </message>
    <message>
        <source>The fragment&apos;s name.</source>
        <translation>Der Name des Fragments.</translation>
    </message>
    <message>
        <source>Also print the derived value (a secret).</source>
        <translation>Auch den abgeleiteten Wert ausgeben (ein Geheimnis).</translation>
    </message>
    <message>
        <source>derive needs exactly one of --id or --name.</source>
        <translation>derive braucht genau eine der Optionen --id oder --name.</translation>
    </message>
    <message>
        <source>%1 has no fragment named &apos;%2&apos;.</source>
        <translation>%1 enthält kein Fragment namens „%2“.</translation>
    </message>
    <message>
        <source>%1 has no fragment with id &apos;%2&apos;.</source>
        <translation>%1 enthält kein Fragment mit der ID „%2“.</translation>
    </message>
    <message>
        <source>fingerprint: %1</source>
        <translation>Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>value: </source>
        <translation>Wert: </translation>
    </message>
    <message>
        <source>the derived value is a secret; it was printed because --reveal was given.</source>
        <translation>Der abgeleitete Wert ist ein Geheimnis; er wurde ausgegeben, weil --reveal angegeben war.</translation>
    </message>
    <message>
        <source>derived with HSM Admin&apos;s own documented scheme; the gateway&apos;s derivation is not published. The fingerprint proves that this file, this key and this scheme give this value, and that HSMs showing the same fingerprint hold the same key; it is not the gateway&apos;s internal value.</source>
        <translation>abgeleitet mit dem eigenen, dokumentierten Verfahren von HSM Admin; die Ableitung des Gateways ist nicht veröffentlicht. Der Fingerabdruck belegt, dass diese Datei, dieser Schlüssel und dieses Verfahren diesen Wert ergeben und dass HSMs mit demselben Fingerabdruck denselben Schlüssel halten; es ist nicht der interne Wert des Gateways.</translation>
    </message>
    <message>
        <source>Derive a fragment&apos;s value through the HSM with HSM Admin&apos;s documented scheme and print its fingerprint.</source>
        <translation>Den Wert eines Fragments über das HSM mit dem dokumentierten Verfahren von HSM Admin ableiten und seinen Fingerabdruck ausgeben.</translation>
    </message>
    <message>
        <source>%1 has %2 fragments named &apos;%3&apos; (%4); select one with --id.</source>
        <translation>%1 enthält %2 Fragmente namens „%3“ (%4); wählen Sie eines mit --id.</translation>
    </message>
</context>
<context>
    <name>EntropyCheckCommand</name>
    <message>
        <source>How many bytes to test (default: 1 MiB).</source>
        <translation>Wie viele Bytes geprüft werden (Standard: 1 MiB).</translation>
    </message>
    <message>
        <source>Declared min-entropy per byte for the health tests&apos; cut-offs (default: 4).</source>
        <translation>Angenommene Min-Entropie pro Byte für die Grenzwerte der Gesundheitstests (Standard: 4).</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>bytes:</source>
        <translation>Bytes:</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n calls</source>
        <translation>
            <numerusform>%1 in %n Aufruf</numerusform>
            <numerusform>%1 in %n Aufrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>throughput:</source>
        <translation>Durchsatz:</translation>
    </message>
    <message>
        <source>%1 MiB/s</source>
        <translation>%1 MiB/s</translation>
    </message>
    <message>
        <source>latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>%1 us per call (max %2 us)</source>
        <translation>%1 µs pro Aufruf (max. %2 µs)</translation>
    </message>
    <message>
        <source>%1 (cut-off %2, min-entropy %3 bits/byte)</source>
        <translation>%1 (Grenzwert %2, Min-Entropie %3 Bit/Byte)</translation>
    </message>
    <message>
        <source>%1 (cut-off %2 in %3)</source>
        <translation>%1 (Grenzwert %2 in %3)</translation>
    </message>
    <message>
        <source>chi-square:</source>
        <translation>Chi-Quadrat:</translation>
    </message>
    <message>
        <source>%1 (255 degrees of freedom), p = %2</source>
        <translation>%1 (255 Freiheitsgrade), p = %2</translation>
    </message>
    <message>
        <source>  FAIL: far from uniform</source>
        <translation>  NICHT BESTANDEN: weit von einer Gleichverteilung entfernt</translation>
    </message>
    <message>
        <source>result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>Check the HSM&apos;s random number generator: health tests, chi-square, speed.</source>
        <translation>Den Zufallszahlengenerator des HSM prüfen: Gesundheitstests, Chi-Quadrat, Geschwindigkeit.</translation>
    </message>
    <message>
        <source>--bytes must be a whole number.</source>
        <translation>--bytes muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>--min-entropy must be a number of bits per byte.</source>
        <translation>--min-entropy muss eine Zahl (Bit pro Byte) sein.</translation>
    </message>
</context>
<context>
    <name>ExportConfigCommand</name>
    <message>
        <source>docker, env, compose, k8s or helm (also --format).</source>
        <translation>docker, env, compose, k8s oder helm (auch --format).</translation>
    </message>
    <message>
        <source>The customer_fragments.json to mount.</source>
        <translation>Die einzubindende customer_fragments.json.</translation>
    </message>
    <message>
        <source>HSM_USE_RAND: true or false (default: HSM_USE_RAND, else true).</source>
        <translation>HSM_USE_RAND: true oder false (Standard: HSM_USE_RAND, sonst true).</translation>
    </message>
    <message>
        <source>Write the PIN (from HSM_PIN, --pin-file or a prompt) instead of a placeholder.</source>
        <translation>Die PIN (aus HSM_PIN, --pin-file oder einer Abfrage) statt eines Platzhalters schreiben.</translation>
    </message>
    <message>
        <source>Start from the settings of this gateway env file.</source>
        <translation>Von den Einstellungen dieser env-Datei des Gateways ausgehen.</translation>
    </message>
    <message>
        <source>Start from the settings of the docker run command in this file.</source>
        <translation>Von den Einstellungen des docker-run-Befehls in dieser Datei ausgehen.</translation>
    </message>
    <message>
        <source>export-config needs --format docker, env, compose, k8s or helm.</source>
        <translation>export-config braucht --format docker, env, compose, k8s oder helm.</translation>
    </message>
    <message>
        <source>a docker run command</source>
        <translation>ein docker-run-Befehl</translation>
    </message>
    <message>
        <source>an env file</source>
        <translation>eine env-Datei</translation>
    </message>
    <message>
        <source>not used: %1</source>
        <translation>nicht verwendet: %1</translation>
    </message>
    <message>
        <source>%1 sets several token identifiers (%2); the export needs exactly one.</source>
        <translation>%1 setzt mehrere Token-Kennungen (%2); der Export braucht genau eine.</translation>
    </message>
    <message>
        <source>The gateway has no URI setting; use --slot, --token-label or --token-serial.</source>
        <translation>Das Gateway kennt keine URI-Einstellung; --slot, --token-label oder --token-serial verwenden.</translation>
    </message>
    <message>
        <source>Several token identifiers are set (%1); the gateway needs exactly one.</source>
        <translation>Mehrere Token-Kennungen sind gesetzt (%1); das Gateway braucht genau eine.</translation>
    </message>
    <message>
        <source>--use-rand must be true or false.</source>
        <translation>--use-rand muss true oder false sein.</translation>
    </message>
    <message>
        <source>--inline-fragments needs a readable --fragments file.</source>
        <translation>--inline-fragments braucht eine lesbare Datei bei --fragments.</translation>
    </message>
    <message>
        <source>User PIN: </source>
        <translation>Benutzer-PIN: </translation>
    </message>
    <message>
        <source>the output contains the HSM PIN; keep it out of version control and shell history.</source>
        <translation>Die Ausgabe enthält die PIN des HSM; sie gehört nicht in die Versionsverwaltung oder den Shell-Verlauf.</translation>
    </message>
    <message>
        <source>Print the gateway&apos;s deployment settings for docker, compose or Kubernetes.</source>
        <translation>Die Bereitstellungseinstellungen des Gateways für docker, compose oder Kubernetes ausgeben.</translation>
    </message>
    <message>
        <source>docker, env, compose: put the fragments file into CUSTOMER_FRAGMENTS instead of mounting it.</source>
        <translation>docker, env, compose: die Fragmentdatei in CUSTOMER_FRAGMENTS einsetzen, statt sie einzubinden.</translation>
    </message>
    <message>
        <source>helm format: the chart the values are for, akeyless-gateway (default) or akeyless-api-gateway.</source>
        <translation>Format helm: das Chart, für das die Werte gelten, akeyless-gateway (Standard) oder akeyless-api-gateway.</translation>
    </message>
    <message>
        <source>The folder mounted into the container, holding the library (default: the vendor&apos;s folder, e.g. /opt/cloudhsm).</source>
        <translation>Der in den Container eingebundene Ordner, der die Bibliothek enthält (Standard: der Ordner des Herstellers, z. B. /opt/cloudhsm).</translation>
    </message>
    <message>
        <source>--chart is for --format helm.</source>
        <translation>--chart gilt nur für --format helm.</translation>
    </message>
    <message>
        <source>--chart must be akeyless-gateway or akeyless-api-gateway, not &apos;%1&apos;.</source>
        <translation>--chart muss akeyless-gateway oder akeyless-api-gateway sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>the %1 format reads the PIN from a Kubernetes secret; it is not written.</source>
        <translation>das Format %1 liest die PIN aus einem Kubernetes-Secret; sie wird nicht geschrieben.</translation>
    </message>
    <message>
        <source>No token identifier, and %1 cannot be read here to find its only token: %2 Set --slot, --token-label or --token-serial.</source>
        <translation>Keine Token-Kennung, und %1 lässt sich hier nicht lesen, um sein einziges Token zu finden: %2 --slot, --token-label oder --token-serial angeben.</translation>
    </message>
    <message>
        <source>%1 has no initialised token; initialise one, or set --slot, --token-label or --token-serial.</source>
        <translation>%1 hat kein initialisiertes Token; eines initialisieren oder --slot, --token-label oder --token-serial angeben.</translation>
    </message>
    <message>
        <source>%1 has %2 initialised tokens (%3); choose one with --slot, --token-label or --token-serial.</source>
        <translation>%1 hat %2 initialisierte Token (%3); eines mit --slot, --token-label oder --token-serial wählen.</translation>
    </message>
    <message>
        <source>the only initialised token, %1, by its serial.</source>
        <translation>das einzige initialisierte Token, %1, über seine Seriennummer.</translation>
    </message>
</context>
<context>
    <name>FragmentsCommand</name>
    <message>
        <source>The fragments file.</source>
        <translation>Die Fragmentdatei.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message>
        <source>%1 (not derivable here)</source>
        <translation>%1 (hier nicht ableitbar)</translation>
    </message>
    <message>
        <source>List the entries of a fragments file (never their values).</source>
        <translation>Die Einträge einer Fragmentdatei auflisten (nie ihre Werte).</translation>
    </message>
    <message>
        <source>! %1: %2</source>
        <translation>! %1: %2</translation>
    </message>
</context>
<context>
    <name>GenCustomerFragmentCommand</name>
    <message>
        <source>The fragment&apos;s name (unique in the file).</source>
        <translation>Der Name des Fragments (eindeutig in der Datei).</translation>
    </message>
    <message>
        <source>A description.</source>
        <translation>Eine Beschreibung.</translation>
    </message>
    <message>
        <source>Seed source: hsm, os or mixed (default: mixed when the token has an RNG, else os).</source>
        <translation>Quelle des Seeds: hsm, os oder mixed (Standard: mixed, wenn das Token einen Zufallszahlengenerator hat, sonst os).</translation>
    </message>
    <message>
        <source>The fragments file (default: customer_fragments.json).</source>
        <translation>Die Fragmentdatei (Standard: customer_fragments.json).</translation>
    </message>
    <message>
        <source>Replace a fragment of the same name.</source>
        <translation>Ein Fragment gleichen Namens ersetzen.</translation>
    </message>
    <message>
        <source>--entropy must be hsm, os or mixed.</source>
        <translation>--entropy muss hsm, os oder mixed sein.</translation>
    </message>
    <message>
        <source>%1 already has a fragment named &apos;%2&apos; (%3); choose another name or add --replace.</source>
        <translation>%1 enthält bereits ein Fragment namens „%2“ (%3); einen anderen Namen wählen oder --replace angeben.</translation>
    </message>
    <message>
        <source>Generate a customer fragment and add it to customer_fragments.json.</source>
        <translation>Ein Kundenfragment erzeugen und zu customer_fragments.json hinzufügen.</translation>
    </message>
    <message>
        <source>standard (default), hsm_wrap_hmac (older name: hsm_wrapped), hsm_wrap_encrypt or hsm_secured.</source>
        <translation>standard (Standard), hsm_wrap_hmac (älterer Name: hsm_wrapped), hsm_wrap_encrypt oder hsm_secured.</translation>
    </message>
    <message>
        <source>Label of the HSM key: the HMAC key, or for hsm_wrap_encrypt the key-encryption key (required for the HSM types).</source>
        <translation>Label des HSM-Schlüssels: der HMAC-Schlüssel, bei hsm_wrap_encrypt der Schlüsselverschlüsselungsschlüssel (für die HSM-Typen erforderlich).</translation>
    </message>
    <message>
        <source>For hsm_wrap_encrypt: rsa-oaep-sha256 (default), aes-gcm, aes-cbc or aes-cbc-pad.</source>
        <translation>Für hsm_wrap_encrypt: rsa-oaep-sha256 (Standard), aes-gcm, aes-cbc oder aes-cbc-pad.</translation>
    </message>
    <message>
        <source>--type must be standard, hsm_wrap_hmac, hsm_wrapped, hsm_wrap_encrypt or hsm_secured, not &apos;%1&apos;.</source>
        <translation>--type muss standard, hsm_wrap_hmac, hsm_wrapped, hsm_wrap_encrypt oder hsm_secured sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--hsm-wrap-alg is for hsm_wrap_encrypt fragments only.</source>
        <translation>--hsm-wrap-alg gilt nur für hsm_wrap_encrypt-Fragmente.</translation>
    </message>
    <message>
        <source>--hsm-wrap-alg must be rsa-oaep-sha256, aes-gcm, aes-cbc or aes-cbc-pad, not &apos;%1&apos;.</source>
        <translation>--hsm-wrap-alg muss rsa-oaep-sha256, aes-gcm, aes-cbc oder aes-cbc-pad sein, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>LoginCheckCommand</name>
    <message>
        <source>Logged in to %1 and out again.</source>
        <translation>Bei %1 an- und wieder abgemeldet.</translation>
    </message>
    <message>
        <source>PIN state: %1</source>
        <translation>PIN-Status: %1</translation>
    </message>
    <message>
        <source>Log in to the selected token, report the PIN state, log out.</source>
        <translation>Am gewählten Token anmelden, den PIN-Status melden, abmelden.</translation>
    </message>
</context>
<context>
    <name>MechanismsCommand</name>
    <message>
        <source>MECHANISM</source>
        <translation>MECHANISMUS</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>MIN</source>
        <translation>MIN</translation>
    </message>
    <message>
        <source>MAX</source>
        <translation>MAX</translation>
    </message>
    <message>
        <source>FLAGS</source>
        <translation>FLAGS</translation>
    </message>
    <message>
        <source>List the mechanisms of the selected slot&apos;s token.</source>
        <translation>Die Mechanismen des Tokens im gewählten Slot auflisten.</translation>
    </message>
</context>
<context>
    <name>ModulesCommand</name>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>List the PKCS#11 libraries found on this machine.</source>
        <translation>Die auf diesem Rechner gefundenen PKCS#11-Bibliotheken auflisten.</translation>
    </message>
</context>
<context>
    <name>ObjectsCommand</name>
    <message>
        <source>List only the public objects, without a PIN.</source>
        <translation>Nur die öffentlichen Objekte auflisten, ohne PIN.</translation>
    </message>
    <message>
        <source>not logged in (no HSM_PIN, --pin-file or terminal): private objects are not listed.</source>
        <translation>nicht angemeldet (kein HSM_PIN, --pin-file oder Terminal): private Objekte werden nicht aufgelistet.</translation>
    </message>
    <message>
        <source>CLASS</source>
        <translation>KLASSE</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation>LABEL</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <source>FLAGS</source>
        <translation>FLAGS</translation>
    </message>
    <message>
        <source>List the objects on the selected token (after login, if a PIN is available).</source>
        <translation>Die Objekte auf dem gewählten Token auflisten (nach der Anmeldung, wenn eine PIN vorliegt).</translation>
    </message>
</context>
<context>
    <name>PinSource</name>
    <message>
        <source>No PIN was entered.</source>
        <translation>Es wurde keine PIN eingegeben.</translation>
    </message>
    <message>
        <source>Cannot read the PIN file %1: %2.</source>
        <translation>Die PIN-Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The PIN file %1 is empty.</source>
        <translation>Die PIN-Datei %1 ist leer.</translation>
    </message>
    <message>
        <source>No PIN: set HSM_PIN, use --pin-file FILE, or run on a terminal to be asked.</source>
        <translation>Keine PIN: HSM_PIN setzen, --pin-file DATEI verwenden oder in einem Terminal starten, um gefragt zu werden.</translation>
    </message>
    <message>
        <source>The PIN file %1 is %2, not a regular file; give a file that holds the PIN on its first line.</source>
        <translation>Die PIN-Datei %1 ist %2, keine reguläre Datei; geben Sie eine Datei an, die die PIN in ihrer ersten Zeile enthält.</translation>
    </message>
    <message>
        <source>The first line of the PIN file %1 is empty; the PIN must be on the first line.</source>
        <translation>Die erste Zeile der PIN-Datei %1 ist leer; die PIN muss in der ersten Zeile stehen.</translation>
    </message>
    <message>
        <source>every user of this system can read the PIN file %1 (mode %2); restrict it with chmod 600.</source>
        <translation>jeder Benutzer dieses Systems kann die PIN-Datei %1 lesen (Modus %2); schränken Sie sie mit chmod 600 ein.</translation>
    </message>
</context>
<context>
    <name>PreflightCommand</name>
    <message>
        <source>The gateway&apos;s env file (KEY=VALUE lines; default: this process&apos;s environment).</source>
        <translation>Die env-Datei des Gateways (Zeilen SCHLÜSSEL=WERT; Standard: die Umgebung dieses Prozesses).</translation>
    </message>
    <message>
        <source>The fragments file.</source>
        <translation>Die Fragmentdatei.</translation>
    </message>
    <message>
        <source>PASS  %1: %2</source>
        <translation>OK      %1: %2</translation>
    </message>
    <message>
        <source>FAIL  %1: %2</source>
        <translation>FEHLER  %1: %2</translation>
    </message>
    <message>
        <source>Check the gateway&apos;s HSM settings and fragments before deploying.</source>
        <translation>Die HSM-Einstellungen und Fragmente des Gateways vor der Bereitstellung prüfen.</translation>
    </message>
</context>
<context>
    <name>ProbeCommand</name>
    <message>
        <source>The gateway&apos;s host name or address.</source>
        <translation>Hostname oder Adresse des Gateways.</translation>
    </message>
    <message>
        <source>Ask for /health over HTTPS.</source>
        <translation>/health über HTTPS abfragen.</translation>
    </message>
    <message>
        <source>How long to wait for each answer (default: 3000).</source>
        <translation>Wie lange auf jede Antwort gewartet wird (Standard: 3000).</translation>
    </message>
    <message>
        <source>Ports to check, comma-separated (default: the gateway&apos;s).</source>
        <translation>Zu prüfende Ports, durch Kommas getrennt (Standard: die des Gateways).</translation>
    </message>
    <message>
        <source>The port that serves /health (default: 8080).</source>
        <translation>Der Port, der /health bedient (Standard: 8080).</translation>
    </message>
    <message>
        <source>probe needs --host.</source>
        <translation>probe braucht --host.</translation>
    </message>
    <message>
        <source>--timeout-ms must be a positive number.</source>
        <translation>--timeout-ms muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>--health-port must be a port number.</source>
        <translation>--health-port muss eine Portnummer sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number.</source>
        <translation>„%1“ ist keine Portnummer.</translation>
    </message>
    <message>
        <source>OK    %1:%2: %3</source>
        <translation>OK      %1:%2: %3</translation>
    </message>
    <message>
        <source>FAIL  %1:%2: %3</source>
        <translation>FEHLER  %1:%2: %3</translation>
    </message>
    <message>
        <source>Check that a running gateway answers on its ports and /health.</source>
        <translation>Prüfen, dass ein laufendes Gateway auf seinen Ports und unter /health antwortet.</translation>
    </message>
</context>
<context>
    <name>RandomCommand</name>
    <message>
        <source>How many bytes.</source>
        <translation>Wie viele Bytes.</translation>
    </message>
    <message>
        <source>Write to this file (mode 0600).</source>
        <translation>In diese Datei schreiben (Modus 0600).</translation>
    </message>
    <message>
        <source>raw, hex or base64 (default: raw).</source>
        <translation>raw, hex oder base64 (Standard: raw).</translation>
    </message>
    <message>
        <source>hsm, os or mixed (default: hsm).</source>
        <translation>hsm, os oder mixed (Standard: hsm).</translation>
    </message>
    <message>
        <source>random needs --bytes N, from 1 to 4 GiB.</source>
        <translation>random braucht --bytes N, von 1 bis 4 GiB.</translation>
    </message>
    <message>
        <source>--encoding must be raw, hex or base64.</source>
        <translation>--encoding muss raw, hex oder base64 sein.</translation>
    </message>
    <message>
        <source>--source must be hsm, os or mixed.</source>
        <translation>--source muss hsm, os oder mixed sein.</translation>
    </message>
    <message>
        <source>Refusing to write raw bytes to a terminal; use --out FILE or --encoding hex.</source>
        <translation>Rohe Bytes werden nicht in ein Terminal geschrieben; --out DATEI oder --encoding hex verwenden.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>Die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Random bytes from the HSM (health-tested), the OS, or both mixed.</source>
        <translation>Zufällige Bytes vom HSM (mit Gesundheitstests), vom Betriebssystem oder aus beiden gemischt.</translation>
    </message>
</context>
<context>
    <name>RewrapCustomerFragmentCommand</name>
    <message>
        <source>The fragments file (default: customer_fragments.json).</source>
        <translation>Die Fragmentdatei (Standard: customer_fragments.json).</translation>
    </message>
    <message>
        <source>The id of the fragment to rewrap.</source>
        <translation>Die ID des Fragments, das neu verschlüsselt wird.</translation>
    </message>
    <message>
        <source>The label of the new KEK.</source>
        <translation>Das Label des neuen KEK.</translation>
    </message>
    <message>
        <source>rsa-oaep-sha256, aes-gcm, aes-cbc or aes-cbc-pad (default: rsa-oaep-sha256 for an RSA KEK; for an AES KEK the entry&apos;s AES mode, else aes-gcm).</source>
        <translation>rsa-oaep-sha256, aes-gcm, aes-cbc oder aes-cbc-pad (Standard: rsa-oaep-sha256 für einen RSA-KEK; für einen AES-KEK der AES-Modus des Eintrags, sonst aes-gcm).</translation>
    </message>
    <message>
        <source>rewrap-customer-fragment needs --cf-id.</source>
        <translation>rewrap-customer-fragment braucht --cf-id.</translation>
    </message>
    <message>
        <source>rewrap-customer-fragment needs --new-kek-ref.</source>
        <translation>rewrap-customer-fragment braucht --new-kek-ref.</translation>
    </message>
    <message>
        <source>--hsm-wrap-alg must be rsa-oaep-sha256, aes-gcm, aes-cbc or aes-cbc-pad, not &apos;%1&apos;.</source>
        <translation>--hsm-wrap-alg muss rsa-oaep-sha256, aes-gcm, aes-cbc oder aes-cbc-pad sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1 has no fragment with id &apos;%2&apos;.</source>
        <translation>%1 enthält kein Fragment mit der ID „%2“.</translation>
    </message>
    <message>
        <source>%1 is %2; only hsm_wrap_encrypt fragments have a KEK to rotate.</source>
        <translation>%1 ist %2; nur hsm_wrap_encrypt-Fragmente haben einen KEK, der gewechselt werden kann.</translation>
    </message>
    <message>
        <source>%1 is already encrypted under &apos;%2&apos;; name another KEK.</source>
        <translation>%1 ist bereits unter „%2“ verschlüsselt; nennen Sie einen anderen KEK.</translation>
    </message>
    <message>
        <source>%1 rewrapped from &apos;%2&apos; (%3) to &apos;%4&apos; (%5) in %6; the previous file is %6.bak.</source>
        <translation>%1 in %6 von „%2“ (%3) auf „%4“ (%5) umgeschlüsselt; die vorige Datei ist %6.bak.</translation>
    </message>
    <message>
        <source>fingerprint before: %1</source>
        <translation>Fingerabdruck vorher: %1</translation>
    </message>
    <message>
        <source>fingerprint after:  %1</source>
        <translation>Fingerabdruck nachher: %1</translation>
    </message>
    <message>
        <source>Rotate the KEK of an hsm_wrap_encrypt fragment, keeping the fragment.</source>
        <translation>Den KEK eines hsm_wrap_encrypt-Fragments wechseln; das Fragment bleibt dasselbe.</translation>
    </message>
    <message>
        <source>The entry %1 in %2 changed while it was rewrapped; nothing was written. Run the command again.</source>
        <translation>Der Eintrag %1 in %2 wurde während der Neuverschlüsselung geändert; es wurde nichts geschrieben. Führen Sie den Befehl erneut aus.</translation>
    </message>
</context>
<context>
    <name>SlotsCommand</name>
    <message>
        <source>SLOT</source>
        <translation>SLOT</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>SERIAL</source>
        <translation>SERIENNUMMER</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>FLAGS</source>
        <translation>FLAGS</translation>
    </message>
    <message>
        <source>(not initialized)</source>
        <translation>(nicht initialisiert)</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(nicht lesbar)</translation>
    </message>
    <message>
        <source>(no token)</source>
        <translation>(kein Token)</translation>
    </message>
    <message>
        <source>List the module&apos;s slots and the tokens in them.</source>
        <translation>Die Slots des Moduls und die Token darin auflisten.</translation>
    </message>
</context>
<context>
    <name>hsm::EntropyCheck</name>
    <message>
        <source>The entropy check needs from %1 bytes (what its tests need) to 4 GiB, not %2.</source>
        <translation>Die Entropieprüfung braucht %1 Byte (so viel brauchen ihre Tests) bis 4 GiB, nicht %2.</translation>
    </message>
    <message>
        <source>The declared min-entropy must be from %1 to %2 bits per byte, not %3.</source>
        <translation>Die angegebene Min-Entropie muss zwischen %1 und %2 Bit pro Byte liegen, nicht %3.</translation>
    </message>
</context>
<context>
    <name>hsm::EnvFile</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>the value of %1</source>
        <translation>den Wert von %1</translation>
    </message>
    <message>
        <source>this line</source>
        <translation>diese Zeile</translation>
    </message>
    <message>
        <source>a carriage return ends the line alone (old Mac line ends); docker ends lines only at LF or CR LF and would read the next line into %1. Save the file with LF line ends.</source>
        <translation>ein Wagenrücklauf (CR) beendet die Zeile allein (alte Mac-Zeilenenden); docker beendet Zeilen nur bei LF oder CR LF und würde die nächste Zeile in %1 lesen. Speichern Sie die Datei mit LF-Zeilenenden.</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8, which docker refuses; save the file as UTF-8.</source>
        <translation>die Zeile ist kein gültiges UTF-8, das lehnt docker ab; speichern Sie die Datei als UTF-8.</translation>
    </message>
    <message>
        <source>there is no name before the &apos;=&apos;.</source>
        <translation>vor dem „=“ steht kein Name.</translation>
    </message>
    <message>
        <source>the line has no &apos;=&apos; and holds whitespace, which docker refuses; write NAME=VALUE.</source>
        <translation>die Zeile hat kein „=“ und enthält Leerraum, das lehnt docker ab; schreiben Sie NAME=WERT.</translation>
    </message>
    <message>
        <source>docker takes &apos;%1&apos; as the name and refuses it for its whitespace (an env file is not a shell script); write %2=… without &apos;export&apos;.</source>
        <translation>docker nimmt „%1“ als Namen und lehnt ihn wegen des Leerraums ab (eine env-Datei ist kein Shell-Skript); schreiben Sie %2=… ohne „export“.</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; holds whitespace, which docker refuses; write NAME=VALUE with nothing around the name.</source>
        <translation>der Name „%1“ enthält Leerraum, das lehnt docker ab; schreiben Sie NAME=WERT ohne etwas um den Namen.</translation>
    </message>
    <message>
        <source>%1 is set again (first on line %2); docker would silently use the last one, so keep only the one you mean.</source>
        <translation>%1 wird erneut gesetzt (zuerst in Zeile %2); docker würde stillschweigend den letzten Wert nehmen, behalten Sie also nur den gemeinten.</translation>
    </message>
</context>
<context>
    <name>hsm::Error</name>
    <message>
        <source>%1 returned %2: %3</source>
        <translation>%1 lieferte %2: %3</translation>
    </message>
</context>
<context>
    <name>hsm::FragmentFile</name>
    <message>
        <source>In %1, entry %2 has an id with a character that is not printable ASCII (U+%3); fragment ids are &quot;cf-&quot; and lowercase letters and digits.</source>
        <translation>In %1 hat Eintrag %2 eine ID mit einem Zeichen, das kein druckbares ASCII ist (U+%3); Fragment-IDs sind „cf-“ und Kleinbuchstaben und Ziffern.</translation>
    </message>
    <message>
        <source>The id is not of the vendor&apos;s shape (&quot;cf-&quot; and 20 lowercase letters and digits).</source>
        <translation>Die ID hat nicht die Form des Herstellers („cf-“ und 20 Kleinbuchstaben und Ziffern).</translation>
    </message>
    <message>
        <source>Another entry has the same name; select it by id.</source>
        <translation>Ein anderer Eintrag hat denselben Namen; wählen Sie ihn über die ID.</translation>
    </message>
    <message>
        <source>It has a key_label but no fragment_type, so the gateway takes it as standard and never uses the key; write the fragment_type.</source>
        <translation>Er hat ein key_label, aber keinen fragment_type; das Gateway behandelt ihn daher als standard und verwendet den Schlüssel nie. Tragen Sie den fragment_type ein.</translation>
    </message>
    <message>
        <source>Its seed is %1 bytes, not %2.</source>
        <translation>Sein Seed ist %1 Byte lang, nicht %2.</translation>
    </message>
    <message>
        <source>Another program (%1, process %2 on %3) has been writing %4 for more than %5 seconds; nothing was written. Try again when it has finished, or remove %6 if that program is no longer running.</source>
        <translation>Ein anderes Programm (%1, Prozess %2 auf %3) schreibt seit mehr als %5 Sekunden in %4; es wurde nichts geschrieben. Versuchen Sie es erneut, wenn es fertig ist, oder entfernen Sie %6, falls dieses Programm nicht mehr läuft.</translation>
    </message>
    <message>
        <source>Cannot write %1: cannot create a file in %2 (its lock file %3); nothing was changed.</source>
        <translation>%1 kann nicht geschrieben werden: In %2 kann keine Datei angelegt werden (seine Sperrdatei %3); es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>hsm::GatewayConfig</name>
    <message>
        <source>%1 would be mounted over the container&apos;s system folder %2: copy the vendor&apos;s folder under /opt (e.g. /opt/vendor) and point PKCS11_LIB_PATH there.</source>
        <translation>%1 würde über den Systemordner %2 des Containers eingebunden: Kopieren Sie den Ordner des Herstellers unter /opt (z. B. /opt/vendor) und lassen Sie PKCS11_LIB_PATH dorthin zeigen.</translation>
    </message>
    <message>
        <source>The mount folder must be an absolute path, not &apos;%1&apos;.</source>
        <translation>Der eingebundene Ordner muss ein absoluter Pfad sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>PKCS11_LIB_PATH %1 is not inside the mount folder %2.</source>
        <translation>PKCS11_LIB_PATH %1 liegt nicht im eingebundenen Ordner %2.</translation>
    </message>
    <message>
        <source>docker run -v cannot mount &apos;%1&apos;: the path contains &apos;:&apos; or &apos;,&apos;; move it, or use the compose format.</source>
        <translation>docker run -v kann „%1“ nicht einbinden: Der Pfad enthält „:“ oder „,“; verschieben Sie ihn oder verwenden Sie das Format compose.</translation>
    </message>
    <message>
        <source>Slot 0: both Helm charts set HSM_SLOT only {{ if .slot }}, which drops a slot of 0; select the token by its label or serial instead (--token-label or --token-serial).</source>
        <translation>Slot 0: Beide Helm-Charts setzen HSM_SLOT nur {{ if .slot }}, was einen Slot 0 weglässt; wählen Sie den Token stattdessen über sein Label oder seine Seriennummer (--token-label oder --token-serial).</translation>
    </message>
    <message>
        <source>The built-in demo HSM is not deployable into a container: its tokens live in this machine&apos;s SoftHSM folder. Export the env file to run a gateway on this machine, or open your HSM&apos;s library.</source>
        <translation>Das eingebaute Demo-HSM lässt sich nicht in einen Container bringen: Seine Token liegen im SoftHSM-Ordner dieses Rechners. Die env-Datei exportieren, um ein Gateway auf diesem Rechner zu betreiben, oder die Bibliothek des eigenen HSM öffnen.</translation>
    </message>
</context>
<context>
    <name>hsm::OutputFile</name>
    <message>
        <source>Cannot write %1: it belongs to %2, and %3 cannot give a new version that owner; run as root or as its owner. Nothing was changed.</source>
        <translation>%1 kann nicht geschrieben werden: Die Datei gehört %2, und %3 kann einer neuen Fassung diesen Eigentümer nicht geben; als root oder als ihr Eigentümer ausführen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cannot write %1: it is a symbolic link to %2, and a link is not followed to replace its target; give %2 itself.</source>
        <translation>%1 kann nicht geschrieben werden: Es ist ein symbolischer Link auf %2, und ein Link wird nicht verfolgt, um sein Ziel zu ersetzen; geben Sie %2 selbst an.</translation>
    </message>
</context>
<context>
    <name>hsm::Preflight</name>
    <message>
        <source>HSM_PIN in %1: %2</source>
        <translation>HSM_PIN in %1: %2</translation>
    </message>
</context>
<context>
    <name>hsm::ReturnValues</name>
    <message>
        <source>The module returned a vendor-specific error; the vendor&apos;s documentation explains what it means.</source>
        <translation>Das Modul lieferte einen herstellerspezifischen Fehler; die Dokumentation des Herstellers erklärt, was er bedeutet.</translation>
    </message>
    <message>
        <source>The operation completed successfully.</source>
        <translation>Der Vorgang wurde erfolgreich abgeschlossen.</translation>
    </message>
    <message>
        <source>The operation was cancelled by the application before it finished.</source>
        <translation>Der Vorgang wurde von der Anwendung abgebrochen, bevor er fertig war.</translation>
    </message>
    <message>
        <source>The computer running this tool ran out of memory while the module was working; close other programs and try again.</source>
        <translation>Dem Rechner, auf dem dieses Programm läuft, ging während der Arbeit des Moduls der Speicher aus; andere Programme schließen und erneut versuchen.</translation>
    </message>
    <message>
        <source>The slot no longer exists; refresh the slot list and choose the slot again.</source>
        <translation>Den Slot gibt es nicht mehr; die Slot-Liste aktualisieren und den Slot erneut wählen.</translation>
    </message>
    <message>
        <source>The module hit an unrecoverable error; close all sessions, reload the module and check its logs.</source>
        <translation>Im Modul ist ein nicht behebbarer Fehler aufgetreten; alle Sitzungen schließen, das Modul neu laden und seine Protokolle prüfen.</translation>
    </message>
    <message>
        <source>The module could not complete the request; try again, and check the module&apos;s logs if it keeps failing.</source>
        <translation>Das Modul konnte die Anfrage nicht ausführen; erneut versuchen und, wenn es weiter scheitert, die Protokolle des Moduls prüfen.</translation>
    </message>
    <message>
        <source>The module rejected the arguments it was given; this is probably a bug in this tool, so please report it.</source>
        <translation>Das Modul hat die übergebenen Argumente abgelehnt; das ist wahrscheinlich ein Fehler in diesem Programm, bitte melden.</translation>
    </message>
    <message>
        <source>No slot or token event has happened since the last check.</source>
        <translation>Seit der letzten Abfrage ist kein Slot- oder Token-Ereignis eingetreten.</translation>
    </message>
    <message>
        <source>The module needs to start its own threads but was initialised without permission to do so; it cannot run in this configuration.</source>
        <translation>Das Modul muss eigene Threads starten, wurde aber ohne diese Erlaubnis initialisiert; in dieser Konfiguration kann es nicht laufen.</translation>
    </message>
    <message>
        <source>The module cannot provide the thread locking it was asked for; it has to be loaded with different locking settings or used from one thread only.</source>
        <translation>Das Modul kann die verlangte Thread-Sperrung nicht bereitstellen; es muss mit anderen Sperreinstellungen geladen oder nur aus einem Thread verwendet werden.</translation>
    </message>
    <message>
        <source>This attribute cannot be set or changed, either at all or on this particular object.</source>
        <translation>Dieses Attribut kann nicht gesetzt oder geändert werden, überhaupt nicht oder nicht bei diesem Objekt.</translation>
    </message>
    <message>
        <source>The attribute&apos;s value is sensitive or the object is unextractable, so the token will not reveal it.</source>
        <translation>Der Wert des Attributs ist sensitiv oder das Objekt nicht extrahierbar, daher gibt das Token ihn nicht preis.</translation>
    </message>
    <message>
        <source>The token does not recognise one of the attributes, or the attribute does not apply to this kind of object.</source>
        <translation>Das Token kennt eines der Attribute nicht, oder das Attribut passt nicht zu dieser Art von Objekt.</translation>
    </message>
    <message>
        <source>One of the attribute values is not acceptable to the token; check the values, sizes and flags given.</source>
        <translation>Einer der Attributwerte ist für das Token nicht annehmbar; die angegebenen Werte, Größen und Flags prüfen.</translation>
    </message>
    <message>
        <source>The token&apos;s policy does not allow this action on this object.</source>
        <translation>Die Richtlinie des Tokens erlaubt diese Aktion an diesem Objekt nicht.</translation>
    </message>
    <message>
        <source>The input data is not valid for this operation.</source>
        <translation>Die Eingabedaten sind für diesen Vorgang nicht gültig.</translation>
    </message>
    <message>
        <source>The input data has the wrong length for this operation; for example, block ciphers without padding need a whole number of blocks.</source>
        <translation>Die Eingabedaten haben für diesen Vorgang die falsche Länge; Blockchiffren ohne Padding brauchen zum Beispiel eine ganze Zahl von Blöcken.</translation>
    </message>
    <message>
        <source>The token or its reader reported a hardware or communication problem; check the connection and the device&apos;s status.</source>
        <translation>Das Token oder sein Lesegerät meldete ein Hardware- oder Kommunikationsproblem; die Verbindung und den Zustand des Geräts prüfen.</translation>
    </message>
    <message>
        <source>The token has run out of memory or storage; delete objects you no longer need and try again.</source>
        <translation>Dem Token ist der Speicher ausgegangen; nicht mehr benötigte Objekte löschen und erneut versuchen.</translation>
    </message>
    <message>
        <source>The token was removed or disconnected during the operation; reconnect it, refresh the slot list and open a new session.</source>
        <translation>Das Token wurde während des Vorgangs entfernt oder getrennt; es wieder verbinden, die Slot-Liste aktualisieren und eine neue Sitzung öffnen.</translation>
    </message>
    <message>
        <source>The encrypted data is not valid for this key and mechanism; it may be corrupted or encrypted with a different key.</source>
        <translation>Die verschlüsselten Daten sind für diesen Schlüssel und Mechanismus nicht gültig; sie sind vielleicht beschädigt oder mit einem anderen Schlüssel verschlüsselt.</translation>
    </message>
    <message>
        <source>The encrypted data has the wrong length for this mechanism, so it cannot be decrypted.</source>
        <translation>Die verschlüsselten Daten haben für diesen Mechanismus die falsche Länge und können daher nicht entschlüsselt werden.</translation>
    </message>
    <message>
        <source>The operation was cancelled before it finished.</source>
        <translation>Der Vorgang wurde abgebrochen, bevor er fertig war.</translation>
    </message>
    <message>
        <source>No function is running in parallel in this session, so there is nothing to query or cancel.</source>
        <translation>In dieser Sitzung läuft keine Funktion parallel, daher gibt es nichts abzufragen oder abzubrechen.</translation>
    </message>
    <message>
        <source>The module does not implement this function, so this feature is not available with this module.</source>
        <translation>Das Modul implementiert diese Funktion nicht, daher steht diese Möglichkeit mit diesem Modul nicht zur Verfügung.</translation>
    </message>
    <message>
        <source>The key no longer exists or its handle is not valid in this session; refresh the object list and select the key again.</source>
        <translation>Den Schlüssel gibt es nicht mehr, oder sein Handle ist in dieser Sitzung nicht gültig; die Objektliste aktualisieren und den Schlüssel erneut wählen.</translation>
    </message>
    <message>
        <source>The key size is outside the range the token supports for this mechanism; check the mechanism&apos;s minimum and maximum key size and choose a size in between.</source>
        <translation>Die Schlüsselgröße liegt außerhalb des Bereichs, den das Token für diesen Mechanismus unterstützt; die minimale und maximale Schlüsselgröße des Mechanismus prüfen und eine Größe dazwischen wählen.</translation>
    </message>
    <message>
        <source>The key&apos;s type does not fit this mechanism; for HMAC-SHA256 many HSMs (SoftHSM among them) need a generic secret key.</source>
        <translation>Der Typ des Schlüssels passt nicht zu diesem Mechanismus; für HMAC-SHA256 brauchen viele HSMs (darunter SoftHSM) einen generischen geheimen Schlüssel.</translation>
    </message>
    <message>
        <source>A key was supplied for an operation that does not use one.</source>
        <translation>Für einen Vorgang, der keinen Schlüssel verwendet, wurde ein Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>A key given to restore a saved operation is not the key that was in use when the operation was saved.</source>
        <translation>Ein Schlüssel zum Wiederherstellen eines gespeicherten Vorgangs ist nicht der Schlüssel, der beim Speichern verwendet wurde.</translation>
    </message>
    <message>
        <source>Restoring the saved operation needs its keys to be supplied again.</source>
        <translation>Zum Wiederherstellen des gespeicherten Vorgangs müssen seine Schlüssel erneut angegeben werden.</translation>
    </message>
    <message>
        <source>The token cannot feed this key&apos;s value into the digest, for example because of the key&apos;s type or length.</source>
        <translation>Das Token kann den Wert dieses Schlüssels nicht in den Hash einfließen lassen, zum Beispiel wegen Typ oder Länge des Schlüssels.</translation>
    </message>
    <message>
        <source>The key&apos;s attributes do not allow this use (for example CKA_SIGN, CKA_ENCRYPT, CKA_WRAP or CKA_DERIVE is false); use a key created for this purpose.</source>
        <translation>Die Attribute des Schlüssels erlauben diese Verwendung nicht (zum Beispiel ist CKA_SIGN, CKA_ENCRYPT, CKA_WRAP oder CKA_DERIVE false); einen für diesen Zweck erstellten Schlüssel verwenden.</translation>
    </message>
    <message>
        <source>The token cannot or will not wrap this key with the chosen wrapping key and mechanism.</source>
        <translation>Das Token kann oder will diesen Schlüssel nicht mit dem gewählten Wrapping-Schlüssel und Mechanismus verpacken.</translation>
    </message>
    <message>
        <source>The key is marked unextractable (CKA_EXTRACTABLE is false), so it cannot be wrapped or exported.</source>
        <translation>Der Schlüssel ist als nicht extrahierbar markiert (CKA_EXTRACTABLE ist false) und kann daher nicht verpackt oder exportiert werden.</translation>
    </message>
    <message>
        <source>The token does not support this mechanism, or not for this operation; check the token&apos;s mechanism list and choose one it offers.</source>
        <translation>Das Token unterstützt diesen Mechanismus nicht oder nicht für diesen Vorgang; die Mechanismenliste des Tokens prüfen und einen angebotenen wählen.</translation>
    </message>
    <message>
        <source>The mechanism&apos;s parameters are wrong, for example an initialisation vector (IV) of the wrong length.</source>
        <translation>Die Parameter des Mechanismus sind falsch, zum Beispiel ein Initialisierungsvektor (IV) der falschen Länge.</translation>
    </message>
    <message>
        <source>The object no longer exists or its handle is not valid in this session; refresh the object list.</source>
        <translation>Das Objekt gibt es nicht mehr, oder sein Handle ist in dieser Sitzung nicht gültig; die Objektliste aktualisieren.</translation>
    </message>
    <message>
        <source>Another operation of this kind is already running in this session; finish or cancel it first, or use a separate session.</source>
        <translation>In dieser Sitzung läuft bereits ein Vorgang dieser Art; ihn zuerst beenden oder abbrechen oder eine eigene Sitzung verwenden.</translation>
    </message>
    <message>
        <source>No operation of this kind is running in this session, or it has already ended; start the operation again.</source>
        <translation>In dieser Sitzung läuft kein Vorgang dieser Art, oder er ist bereits beendet; den Vorgang erneut starten.</translation>
    </message>
    <message>
        <source>The PIN is wrong; each failed attempt may count towards locking the token.</source>
        <translation>Die PIN ist falsch; jeder Fehlversuch kann zur Sperrung des Tokens beitragen.</translation>
    </message>
    <message>
        <source>The new PIN contains characters the token does not accept.</source>
        <translation>Die neue PIN enthält Zeichen, die das Token nicht annimmt.</translation>
    </message>
    <message>
        <source>The PIN is too short or too long for this token; check the token&apos;s minimum and maximum PIN length.</source>
        <translation>Die PIN ist für dieses Token zu kurz oder zu lang; die minimale und maximale PIN-Länge des Tokens prüfen.</translation>
    </message>
    <message>
        <source>The PIN has expired; set a new PIN before doing anything else.</source>
        <translation>Die PIN ist abgelaufen; vor allem anderen eine neue PIN setzen.</translation>
    </message>
    <message>
        <source>The user PIN is locked after too many wrong attempts; the security officer (SO) must unlock or reset it.</source>
        <translation>Die Benutzer-PIN ist nach zu vielen Fehlversuchen gesperrt; der Security Officer (SO) muss sie entsperren oder zurücksetzen.</translation>
    </message>
    <message>
        <source>The session was closed during the operation; open a new session and try again.</source>
        <translation>Die Sitzung wurde während des Vorgangs geschlossen; eine neue Sitzung öffnen und erneut versuchen.</translation>
    </message>
    <message>
        <source>The token has too many sessions open; close sessions here or in other applications and try again.</source>
        <translation>Am Token sind zu viele Sitzungen offen; Sitzungen hier oder in anderen Anwendungen schließen und erneut versuchen.</translation>
    </message>
    <message>
        <source>The session no longer exists, for example because the token was removed or the module was reloaded; open a new session and log in again.</source>
        <translation>Die Sitzung gibt es nicht mehr, zum Beispiel weil das Token entfernt oder das Modul neu geladen wurde; eine neue Sitzung öffnen und erneut anmelden.</translation>
    </message>
    <message>
        <source>The module refused to open a parallel session, which every PKCS #11 module is required to accept; the module may be outdated or faulty.</source>
        <translation>Das Modul hat sich geweigert, eine parallele Sitzung zu öffnen, die jedes PKCS #11-Modul annehmen muss; das Modul ist vielleicht veraltet oder fehlerhaft.</translation>
    </message>
    <message>
        <source>This session is read-only; open a read/write session to create, change or delete objects.</source>
        <translation>Diese Sitzung ist schreibgeschützt; zum Erstellen, Ändern oder Löschen von Objekten eine Lese-/Schreib-Sitzung öffnen.</translation>
    </message>
    <message>
        <source>Sessions to the token are still open; close all of them, including those in other applications, before initialising the token.</source>
        <translation>Es sind noch Sitzungen zum Token offen; vor dem Initialisieren des Tokens alle schließen, auch die in anderen Anwendungen.</translation>
    </message>
    <message>
        <source>The security officer (SO) cannot log in while a read-only session is open; close the read-only sessions first.</source>
        <translation>Der Security Officer (SO) kann sich nicht anmelden, solange eine schreibgeschützte Sitzung offen ist; zuerst die schreibgeschützten Sitzungen schließen.</translation>
    </message>
    <message>
        <source>A read-only session cannot be opened while the security officer (SO) is logged in; log the SO out first.</source>
        <translation>Solange der Security Officer (SO) angemeldet ist, kann keine schreibgeschützte Sitzung geöffnet werden; zuerst den SO abmelden.</translation>
    </message>
    <message>
        <source>The signature does not match the data and key; the data may have changed or a different key was used.</source>
        <translation>Die Signatur passt nicht zu Daten und Schlüssel; die Daten wurden vielleicht geändert oder ein anderer Schlüssel verwendet.</translation>
    </message>
    <message>
        <source>The signature has the wrong length for this key and mechanism, so it is not valid.</source>
        <translation>Die Signatur hat für diesen Schlüssel und Mechanismus die falsche Länge und ist daher nicht gültig.</translation>
    </message>
    <message>
        <source>Attributes that this kind of object requires are missing; add them and try again.</source>
        <translation>Attribute, die diese Art von Objekt braucht, fehlen; sie ergänzen und erneut versuchen.</translation>
    </message>
    <message>
        <source>Some of the attributes given contradict each other; check the combination of values and flags.</source>
        <translation>Einige der angegebenen Attribute widersprechen sich; die Kombination von Werten und Flags prüfen.</translation>
    </message>
    <message>
        <source>There is no token in this slot; insert or initialise one.</source>
        <translation>In diesem Slot ist kein Token; eines einstecken oder initialisieren.</translation>
    </message>
    <message>
        <source>The module does not recognise the token in this slot; it may be damaged or meant for a different module.</source>
        <translation>Das Modul erkennt das Token in diesem Slot nicht; es ist vielleicht beschädigt oder für ein anderes Modul bestimmt.</translation>
    </message>
    <message>
        <source>The token is write-protected, so objects on it cannot be created, changed or deleted.</source>
        <translation>Das Token ist schreibgeschützt, daher können Objekte darauf nicht erstellt, geändert oder gelöscht werden.</translation>
    </message>
    <message>
        <source>The unwrapping key no longer exists or its handle is not valid; select the unwrapping key again.</source>
        <translation>Den Unwrapping-Schlüssel gibt es nicht mehr, oder sein Handle ist nicht gültig; den Unwrapping-Schlüssel erneut wählen.</translation>
    </message>
    <message>
        <source>The unwrapping key&apos;s size is outside the range this mechanism supports.</source>
        <translation>Die Größe des Unwrapping-Schlüssels liegt außerhalb des Bereichs, den dieser Mechanismus unterstützt.</translation>
    </message>
    <message>
        <source>The unwrapping key&apos;s type does not fit the unwrapping mechanism.</source>
        <translation>Der Typ des Unwrapping-Schlüssels passt nicht zum Unwrapping-Mechanismus.</translation>
    </message>
    <message>
        <source>This user is already logged in to the token.</source>
        <translation>Dieser Benutzer ist bereits am Token angemeldet.</translation>
    </message>
    <message>
        <source>This action needs a login; log in as the user, or as the security officer (SO) for administrative tasks, and try again.</source>
        <translation>Diese Aktion erfordert eine Anmeldung; als Benutzer anmelden, für Verwaltungsaufgaben als Security Officer (SO), und erneut versuchen.</translation>
    </message>
    <message>
        <source>The user PIN has not been set yet; the security officer (SO) must log in and initialise it.</source>
        <translation>Die Benutzer-PIN ist noch nicht gesetzt; der Security Officer (SO) muss sich anmelden und sie initialisieren.</translation>
    </message>
    <message>
        <source>The user type is not valid; PKCS #11 only knows the security officer (SO), the normal user and the context-specific user.</source>
        <translation>Der Benutzertyp ist nicht gültig; PKCS #11 kennt nur den Security Officer (SO), den normalen Benutzer und den kontextspezifischen Benutzer.</translation>
    </message>
    <message>
        <source>A different user is already logged in to this token; log that user out first.</source>
        <translation>Ein anderer Benutzer ist bereits an diesem Token angemeldet; diesen zuerst abmelden.</translation>
    </message>
    <message>
        <source>The token does not allow this many different users to be logged in at once; log one of them out first.</source>
        <translation>Das Token erlaubt nicht so viele gleichzeitig angemeldete Benutzer; zuerst einen von ihnen abmelden.</translation>
    </message>
    <message>
        <source>The wrapped key is not valid; it may be corrupted, or wrapped with a different key or mechanism.</source>
        <translation>Der verpackte Schlüssel ist nicht gültig; er ist vielleicht beschädigt oder mit einem anderen Schlüssel oder Mechanismus verpackt.</translation>
    </message>
    <message>
        <source>The wrapped key has the wrong length for this unwrapping mechanism.</source>
        <translation>Der verpackte Schlüssel hat für diesen Unwrapping-Mechanismus die falsche Länge.</translation>
    </message>
    <message>
        <source>The wrapping key no longer exists or its handle is not valid; select the wrapping key again.</source>
        <translation>Den Wrapping-Schlüssel gibt es nicht mehr, oder sein Handle ist nicht gültig; den Wrapping-Schlüssel erneut wählen.</translation>
    </message>
    <message>
        <source>The wrapping key&apos;s size is outside the range this mechanism supports.</source>
        <translation>Die Größe des Wrapping-Schlüssels liegt außerhalb des Bereichs, den dieser Mechanismus unterstützt.</translation>
    </message>
    <message>
        <source>The wrapping key&apos;s type does not fit the wrapping mechanism.</source>
        <translation>Der Typ des Wrapping-Schlüssels passt nicht zum Wrapping-Mechanismus.</translation>
    </message>
    <message>
        <source>The token&apos;s random number generator does not accept seed data.</source>
        <translation>Der Zufallszahlengenerator des Tokens nimmt keine Seed-Daten an.</translation>
    </message>
    <message>
        <source>The token has no random number generator.</source>
        <translation>Das Token hat keinen Zufallszahlengenerator.</translation>
    </message>
    <message>
        <source>The domain parameters, such as the curve or DSA/DH parameters, are invalid or not supported by the token.</source>
        <translation>Die Domänenparameter, etwa die Kurve oder DSA/DH-Parameter, sind ungültig oder werden vom Token nicht unterstützt.</translation>
    </message>
    <message>
        <source>The token does not support this elliptic curve; choose a different curve.</source>
        <translation>Das Token unterstützt diese elliptische Kurve nicht; eine andere Kurve wählen.</translation>
    </message>
    <message>
        <source>The result did not fit in the space this tool set aside for it; try again, and report it as a bug if it keeps happening.</source>
        <translation>Das Ergebnis passte nicht in den Platz, den dieses Programm dafür vorgesehen hatte; erneut versuchen und, wenn es wieder geschieht, als Fehler melden.</translation>
    </message>
    <message>
        <source>The saved operation state is invalid or belongs to a different session or token, so it cannot be restored.</source>
        <translation>Der gespeicherte Vorgangszustand ist ungültig oder gehört zu einer anderen Sitzung oder einem anderen Token und kann daher nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>The token will not reveal this information because it is sensitive.</source>
        <translation>Das Token gibt diese Information nicht preis, weil sie sensitiv ist.</translation>
    </message>
    <message>
        <source>The token cannot save the state of the current operation.</source>
        <translation>Das Token kann den Zustand des laufenden Vorgangs nicht speichern.</translation>
    </message>
    <message>
        <source>The module has not been initialised, or has already been shut down; reload the module and try again.</source>
        <translation>Das Modul wurde nicht initialisiert oder ist bereits beendet; das Modul neu laden und erneut versuchen.</translation>
    </message>
    <message>
        <source>The module is already initialised in this process, possibly by another component that loaded the same library.</source>
        <translation>Das Modul ist in diesem Prozess bereits initialisiert, möglicherweise von einer anderen Komponente, die dieselbe Bibliothek geladen hat.</translation>
    </message>
    <message>
        <source>The module was handed an invalid lock object, an internal threading error; reload the module.</source>
        <translation>Das Modul erhielt ein ungültiges Sperrobjekt, ein interner Threading-Fehler; das Modul neu laden.</translation>
    </message>
    <message>
        <source>The module tried to release a lock that was not held, an internal threading error; reload the module.</source>
        <translation>Das Modul versuchte, eine nicht gehaltene Sperre freizugeben, ein interner Threading-Fehler; das Modul neu laden.</translation>
    </message>
    <message>
        <source>The one-time password was not accepted and the token asks for a new PIN; set a new PIN, then use a fresh one-time password.</source>
        <translation>Das Einmalpasswort wurde nicht angenommen, und das Token verlangt eine neue PIN; eine neue PIN setzen und dann ein neues Einmalpasswort verwenden.</translation>
    </message>
    <message>
        <source>The one-time password was not accepted; the token asks for the next one-time password to confirm the login.</source>
        <translation>Das Einmalpasswort wurde nicht angenommen; das Token verlangt zur Bestätigung der Anmeldung das nächste Einmalpasswort.</translation>
    </message>
    <message>
        <source>Generating the key or parameters hit the algorithm&apos;s iteration limit without success; try again.</source>
        <translation>Das Erzeugen des Schlüssels oder der Parameter erreichte ohne Erfolg die Iterationsgrenze des Algorithmus; erneut versuchen.</translation>
    </message>
    <message>
        <source>The module failed its FIPS self-test and will not perform cryptographic operations; restart the HSM or reload the module and check the device&apos;s health.</source>
        <translation>Das Modul hat seinen FIPS-Selbsttest nicht bestanden und führt keine kryptografischen Operationen aus; das HSM neu starten oder das Modul neu laden und den Zustand des Geräts prüfen.</translation>
    </message>
    <message>
        <source>The module could not load a library it depends on; check the module&apos;s installation and configuration.</source>
        <translation>Das Modul konnte eine Bibliothek, von der es abhängt, nicht laden; Installation und Konfiguration des Moduls prüfen.</translation>
    </message>
    <message>
        <source>The new PIN is too weak for the token&apos;s policy; choose a longer or more complex PIN.</source>
        <translation>Die neue PIN ist für die Richtlinie des Tokens zu schwach; eine längere oder komplexere PIN wählen.</translation>
    </message>
    <message>
        <source>The public key is not valid, for example an elliptic-curve point that is not on the curve.</source>
        <translation>Der öffentliche Schlüssel ist nicht gültig, zum Beispiel ein Punkt, der nicht auf der elliptischen Kurve liegt.</translation>
    </message>
    <message>
        <source>The request was rejected, for example by the user at a confirmation prompt on the device.</source>
        <translation>Die Anfrage wurde abgelehnt, zum Beispiel vom Benutzer bei einer Bestätigungsabfrage am Gerät.</translation>
    </message>
    <message>
        <source>The module returned an unknown error code.</source>
        <translation>Das Modul lieferte einen unbekannten Fehlercode.</translation>
    </message>
</context>
<context>
    <name>hsm::TokenLogin</name>
    <message>
        <source>The PIN is still a placeholder in angle brackets (as exports write &lt;HSM PIN&gt;), not a PIN; put the token&apos;s user PIN in its place. No login was tried.</source>
        <translation>Die PIN ist noch ein Platzhalter in spitzen Klammern (wie Exporte &lt;HSM PIN&gt; schreiben), keine PIN; setzen Sie die Benutzer-PIN des Tokens an seine Stelle. Es wurde keine Anmeldung versucht.</translation>
    </message>
    <message>
        <source>The PIN contains a NUL byte, which no token accepts; check the PIN file or variable. No login was tried.</source>
        <translation>Die PIN enthält ein NUL-Byte, das kein Token annimmt; prüfen Sie die PIN-Datei oder -Variable. Es wurde keine Anmeldung versucht.</translation>
    </message>
    <message>
        <source>The PIN is %1 bytes long but the token %2 takes %3 to %4; check the PIN file or variable. No login was tried.</source>
        <translation>Die PIN ist %1 Byte lang, das Token %2 nimmt aber %3 bis %4; prüfen Sie die PIN-Datei oder -Variable. Es wurde keine Anmeldung versucht.</translation>
    </message>
</context>
<context>
    <name>hsm::TokenSelection</name>
    <message>
        <source>%1=%2 is larger than any slot number.</source>
        <translation>%1=%2 ist größer als jede Slotnummer.</translation>
    </message>
    <message>
        <source>%1=%2 is hexadecimal; the gateway reads slot numbers in decimal only: write %3.</source>
        <translation>%1=%2 ist hexadezimal; das Gateway liest Slotnummern nur dezimal: schreiben Sie %3.</translation>
    </message>
    <message>
        <source>%1=%2 is not a slot number; the gateway reads slot numbers as decimal digits only.</source>
        <translation>%1=%2 ist keine Slotnummer; das Gateway liest Slotnummern nur als Dezimalziffern.</translation>
    </message>
    <message>
        <source>%1 gives the attribute &apos;%2&apos; more than once; a PKCS#11 URI may name each attribute only once (RFC 7512).</source>
        <translation>%1 nennt das Attribut „%2“ mehr als einmal; eine PKCS#11-URI darf jedes Attribut nur einmal nennen (RFC 7512).</translation>
    </message>
    <message>
        <source>%1: the attribute &apos;%2&apos; is not supported for selecting a token; use %3.</source>
        <translation>%1: Das Attribut „%2“ wird zur Auswahl eines Tokens nicht unterstützt; verwenden Sie %3.</translation>
    </message>
</context>
<context>
    <name>hsm::language</name>
    <message>
        <source>Language of the texts, e.g. de or en (default: the system&apos;s language).</source>
        <translation>Sprache der Texte, z. B. de oder en (Standard: die Sprache des Systems).</translation>
    </message>
    <message>
        <source>--lang %1 names no language known here; the texts stay in English.</source>
        <translation>--lang %1 bezeichnet keine hier bekannte Sprache; die Texte bleiben englisch.</translation>
    </message>
    <message>
        <source>There is no %1 translation of HSM Admin (--lang %2); the texts stay in English.</source>
        <translation>Es gibt keine Übersetzung von HSM Admin für %1 (--lang %2); die Texte bleiben englisch.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ByteHistogramWidget</name>
    <message>
        <source>No byte counts yet.</source>
        <translation>Noch keine Byte-Häufigkeiten.</translation>
    </message>
    <message>
        <source>%1 bytes: each of the 256 byte values occurs between %2 and %3 times; a uniform generator gives %4 each. Values far from that: %5.</source>
        <translation>%1 Bytes: Jeder der 256 Bytewerte kommt zwischen %2- und %3-mal vor; ein gleichverteilter Generator liefert je %4. Weit davon entfernte Werte: %5.</translation>
    </message>
    <message>
        <source>The counts of the 256 byte values show here after a check.</source>
        <translation>Nach einer Prüfung erscheinen hier die Häufigkeiten der 256 Bytewerte.</translation>
    </message>
    <message>
        <source>uniform: %1 each</source>
        <translation>gleichverteilt: je %1</translation>
    </message>
</context>
<context>
    <name>hsm::ui::CallLogDock</name>
    <message>
        <source>Call Log</source>
        <translation>Aufrufprotokoll</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Aufrufprotokoll</translation>
    </message>
    <message>
        <source>Filter the call log by function</source>
        <translation>Das Aufrufprotokoll nach Funktion filtern</translation>
    </message>
    <message>
        <source>e.g. C_Login</source>
        <translation>z. B. C_Login</translation>
    </message>
    <message>
        <source>Show failed calls only</source>
        <translation>Nur fehlgeschlagene Aufrufe zeigen</translation>
    </message>
    <message>
        <source>Only calls that returned something other than CKR_OK</source>
        <translation>Nur Aufrufe, die etwas anderes als CKR_OK lieferten</translation>
    </message>
    <message>
        <source>PKCS#11 calls</source>
        <translation>PKCS#11-Aufrufe</translation>
    </message>
    <message>
        <source>Calls no longer in the log</source>
        <translation>Nicht mehr protokollierte Aufrufe</translation>
    </message>
    <message>
        <source>Number of calls</source>
        <translation>Anzahl der Aufrufe</translation>
    </message>
    <message>
        <source>Call log message</source>
        <translation>Meldung des Aufrufprotokolls</translation>
    </message>
    <message>
        <source>Copy the selected calls</source>
        <translation>Die gewählten Aufrufe kopieren</translation>
    </message>
    <message>
        <source>Save the shown calls to a text file</source>
        <translation>Die angezeigten Aufrufe in einer Textdatei speichern</translation>
    </message>
    <message>
        <source>Clear the call log</source>
        <translation>Das Aufrufprotokoll leeren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Earlier calls no longer in the log: %1 (it keeps the last %2).</source>
        <translation>Frühere, nicht mehr protokollierte Aufrufe: %1 (das Protokoll behält die letzten %2).</translation>
    </message>
    <message>
        <source>Select the calls to copy first.</source>
        <translation>Zuerst die zu kopierenden Aufrufe auswählen.</translation>
    </message>
    <message>
        <source>Save the Call Log</source>
        <translation>Aufrufprotokoll speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln Aufruf</numerusform>
            <numerusform>%Ln Aufrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln call(s) shown</source>
        <translation>
            <numerusform>%1 von %Ln Aufruf angezeigt</numerusform>
            <numerusform>%1 von %Ln Aufrufen angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln call(s).</source>
        <translation>
            <numerusform>%Ln Aufruf kopiert.</numerusform>
            <numerusform>%Ln Aufrufe kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln call(s) to %1.</source>
        <translation>
            <numerusform>%Ln Aufruf in %1 gespeichert.</numerusform>
            <numerusform>%Ln Aufrufe in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Faile&amp;d calls only</source>
        <translation>Nur fehlge&amp;schlagene Aufrufe</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Save as Te&amp;xt…</source>
        <translation>Als Te&amp;xt speichern …</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>Funktion:</translation>
    </message>
</context>
<context>
    <name>hsm::ui::CallLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Slot / session</source>
        <translation>Slot / Sitzung</translation>
    </message>
    <message>
        <source>Return value</source>
        <translation>Rückgabewert</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>hsm::ui::CreateKekDialog</name>
    <message>
        <source>Create Key-Encryption Key</source>
        <translation>Schlüsselverschlüsselungsschlüssel erstellen</translation>
    </message>
    <message>
        <source>A new key-encryption key (KEK) on %1 for hsm_wrap_encrypt fragments: sensitive and never extractable. An RSA pair&apos;s private key may only decrypt and unwrap, its public key only encrypt and wrap; an AES key may only encrypt and decrypt.</source>
        <translation>Ein neuer Schlüsselverschlüsselungsschlüssel (KEK) auf %1 für hsm_wrap_encrypt-Fragmente: sensibel und nie extrahierbar. Der private Schlüssel eines RSA-Paars darf nur entschlüsseln und entpacken, sein öffentlicher nur verschlüsseln und verpacken; ein AES-Schlüssel darf nur ver- und entschlüsseln.</translation>
    </message>
    <message>
        <source>KEK label</source>
        <translation>KEK-Label</translation>
    </message>
    <message>
        <source>KEK type</source>
        <translation>KEK-Typ</translation>
    </message>
    <message>
        <source>AES-256 key (aes-gcm, aes-cbc, aes-cbc-pad)</source>
        <translation>AES-256-Schlüssel (aes-gcm, aes-cbc, aes-cbc-pad)</translation>
    </message>
    <message>
        <source>RSA key pair of %1 bits (rsa-oaep-sha256)</source>
        <translation>RSA-Schlüsselpaar mit %1 Bit (rsa-oaep-sha256)</translation>
    </message>
    <message>
        <source>KEK creation message</source>
        <translation>Meldung zur KEK-Erstellung</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>E&amp;rstellen</translation>
    </message>
    <message>
        <source>Create the KEK</source>
        <translation>Den KEK erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Creating the RSA key pair &apos;%1&apos;; large keys take a while…</source>
        <translation>Das RSA-Schlüsselpaar „%1“ wird erstellt; große Schlüssel dauern eine Weile …</translation>
    </message>
    <message>
        <source>Creating the AES key &apos;%1&apos;…</source>
        <translation>Der AES-Schlüssel „%1“ wird erstellt …</translation>
    </message>
    <message>
        <source>Creating the KEK was cancelled.</source>
        <translation>Das Erstellen des KEK wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1
Not created: %2</source>
        <translation>%1
Nicht erstellt: %2</translation>
    </message>
    <message>
        <source>The token is not logged in any more: log in and the KEK is created.</source>
        <translation>Das Token ist nicht mehr angemeldet: Melden Sie sich an, dann wird der KEK erstellt.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::CreateKeyDialog</name>
    <message>
        <source>HMAC-SHA256 key (%1)</source>
        <translation>HMAC-SHA256-Schlüssel (%1)</translation>
    </message>
    <message>
        <source>AES key (%1)</source>
        <translation>AES-Schlüssel (%1)</translation>
    </message>
    <message>
        <source>Generic secret (%1)</source>
        <translation>Generisches Geheimnis (%1)</translation>
    </message>
    <message>
        <source>Create Secret Key</source>
        <translation>Geheimen Schlüssel erstellen</translation>
    </message>
    <message>
        <source>A new secret key on %1 for HMAC-SHA256: private, sensitive, never extractable, sign and verify only.</source>
        <translation>Ein neuer geheimer Schlüssel auf %1 für HMAC-SHA256: privat, sensitiv, nie extrahierbar, nur zum Signieren und Verifizieren.</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Schlüssel-Label</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Reading what the token can create…</source>
        <translation>Es wird gelesen, was das Token erstellen kann …</translation>
    </message>
    <message>
        <source>Key size in bytes</source>
        <translation>Schlüsselgröße in Byte</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>Key id in hex</source>
        <translation>Schlüssel-ID hexadezimal</translation>
    </message>
    <message>
        <source>optional, e.g. 01ab; random when empty</source>
        <translation>optional, z. B. 01ab; zufällig, wenn leer</translation>
    </message>
    <message>
        <source>Key creation message</source>
        <translation>Meldung zur Schlüsselerstellung</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>E&amp;rstellen</translation>
    </message>
    <message>
        <source>Create the key</source>
        <translation>Den Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;ID (hex):</source>
        <translation>&amp;ID (hex):</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Could not read which keys the token can create: %1</source>
        <translation>Es konnte nicht gelesen werden, welche Schlüssel das Token erstellen kann: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>This token lists no mechanism to generate a secret key (CKM_GENERIC_SECRET_KEY_GEN or CKM_AES_KEY_GEN).</source>
        <translation>Dieses Token führt keinen Mechanismus zum Erzeugen eines geheimen Schlüssels auf (CKM_GENERIC_SECRET_KEY_GEN oder CKM_AES_KEY_GEN).</translation>
    </message>
    <message>
        <source>The id is hex bytes: give an even number of digits, e.g. 01ab.</source>
        <translation>Die ID besteht aus Hex-Bytes: eine gerade Anzahl Ziffern angeben, z. B. 01ab.</translation>
    </message>
    <message>
        <source>Creating &apos;%1&apos;…</source>
        <translation>„%1“ wird erstellt …</translation>
    </message>
    <message>
        <source>Creating the key was cancelled.</source>
        <translation>Das Erstellen des Schlüssels wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1
Not created: %2</source>
        <translation>%1
Nicht erstellt: %2</translation>
    </message>
    <message>
        <source>The token is not logged in any more: log in and the key is created.</source>
        <translation>Das Token ist nicht mehr angemeldet: Nach der Anmeldung wird der Schlüssel erstellt.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::DetailsForm</name>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>hsm::ui::EntropyPage</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>cut-off %1 identical bytes in a row</source>
        <translation>Grenzwert %1 gleiche Bytes in Folge</translation>
    </message>
    <message>
        <source>cut-off %1 equal bytes in a window of %2</source>
        <translation>Grenzwert %1 gleiche Bytes in einem Fenster von %2</translation>
    </message>
    <message>
        <source>&amp;Run Check</source>
        <translation>Prüfung &amp;starten</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Draws bytes from the token&apos;s random number generator (C_GenerateRandom), runs the SP 800-90B health tests on them at the declared min-entropy, and tests the byte frequencies against uniform.</source>
        <translation>Holt Bytes vom Zufallszahlengenerator des Tokens (C_GenerateRandom), führt darauf die Gesundheitstests nach SP 800-90B mit der angenommenen Min-Entropie aus und prüft die Byte-Häufigkeiten auf Gleichverteilung.</translation>
    </message>
    <message>
        <source>Bytes to test</source>
        <translation>Zu prüfende Bytes</translation>
    </message>
    <message>
        <source>Declared min-entropy in bits per byte</source>
        <translation>Angenommene Min-Entropie in Bit pro Byte</translation>
    </message>
    <message>
        <source> bits/byte</source>
        <translation> Bit/Byte</translation>
    </message>
    <message>
        <source>The min-entropy per byte the generator is assumed to deliver at least. Lower values give higher cut-offs: fewer false alarms, slower to catch a fault.</source>
        <translation>Die Min-Entropie pro Byte, die der Generator mindestens liefern soll. Niedrigere Werte ergeben höhere Grenzwerte: weniger Fehlalarme, aber ein Fehler fällt später auf.</translation>
    </message>
    <message>
        <source>Health-test cut-offs</source>
        <translation>Grenzwerte der Gesundheitstests</translation>
    </message>
    <message>
        <source>Run the generator check</source>
        <translation>Die Prüfung des Generators starten</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <source>Stop the check</source>
        <translation>Die Prüfung anhalten</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Counts of the 256 byte values</source>
        <translation>Häufigkeiten der 256 Bytewerte</translation>
    </message>
    <message>
        <source>One bar per byte value; the dashed line is what a uniform generator gives; red bars lie far from it.</source>
        <translation>Ein Balken pro Bytewert; die gestrichelte Linie zeigt, was ein gleichverteilter Generator liefert; rote Balken liegen weit davon entfernt.</translation>
    </message>
    <message>
        <source>&amp;Bytes to test:</source>
        <translation>Zu prüfende &amp;Bytes:</translation>
    </message>
    <message>
        <source>Declared m&amp;in-entropy:</source>
        <translation>Angenommene M&amp;in-Entropie:</translation>
    </message>
    <message>
        <source>Cut-offs:</source>
        <translation>Grenzwerte:</translation>
    </message>
    <message>
        <source>Byte frequencies</source>
        <translation>Byte-Häufigkeiten</translation>
    </message>
    <message>
        <source>Run Check draws the bytes from %1 and shows the results here.</source>
        <translation>„Prüfung starten“ holt die Bytes von %1 und zeigt die Ergebnisse hier.</translation>
    </message>
    <message>
        <source>Select an initialized token to check its random number generator.</source>
        <translation>Ein initialisiertes Token wählen, um seinen Zufallszahlengenerator zu prüfen.</translation>
    </message>
    <message>
        <source>Drawing %1 from %2…</source>
        <translation>%1 werden von %2 geholt …</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Cancelled after about %1 of %2; a partial check gives no verdict.</source>
        <translation>Nach etwa %1 von %2 abgebrochen; eine unvollständige Prüfung ergibt kein Urteil.</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Die Prüfung konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>Overall: PASS. Both health tests passed and the byte frequencies look uniform.</source>
        <translation>Gesamt: BESTANDEN. Beide Gesundheitstests wurden bestanden, und die Byte-Häufigkeiten wirken gleichverteilt.</translation>
    </message>
    <message>
        <source>Overall: FAIL. Output like this must not be used; see below.</source>
        <translation>Gesamt: NICHT BESTANDEN. Eine solche Ausgabe darf nicht verwendet werden; siehe unten.</translation>
    </message>
    <message>
        <source>Drew %1 (%2 bytes) at %3 MiB/s in %4 calls to C_GenerateRandom; a call took %5 on average, %6 at most.</source>
        <translation>%1 (%2 Bytes) mit %3 MiB/s in %4 Aufrufen von C_GenerateRandom geholt; ein Aufruf dauerte im Mittel %5, höchstens %6.</translation>
    </message>
    <message>
        <source>Repetition Count Test: passed; %1 (at %2 bits/byte).</source>
        <translation>Repetition Count Test: bestanden; %1 (bei %2 Bit/Byte).</translation>
    </message>
    <message>
        <source>Adaptive Proportion Test: not reached; the bytes were rejected by the Repetition Count Test first (%1).</source>
        <translation>Adaptive Proportion Test: nicht erreicht; die Bytes wurden zuvor vom Repetition Count Test verworfen (%1).</translation>
    </message>
    <message>
        <source>Adaptive Proportion Test: passed; %1.</source>
        <translation>Adaptive Proportion Test: bestanden; %1.</translation>
    </message>
    <message>
        <source>Chi-square: %1 with 255 degrees of freedom, p = %2</source>
        <translation>Chi-Quadrat: %1 bei 255 Freiheitsgraden, p = %2</translation>
    </message>
    <message>
        <source>%1: the byte frequencies look uniform.</source>
        <translation>%1: Die Byte-Häufigkeiten wirken gleichverteilt.</translation>
    </message>
    <message>
        <source>%1: FAILED; below %2, the byte frequencies are far from uniform.</source>
        <translation>%1: NICHT BESTANDEN; unter %2 sind die Byte-Häufigkeiten weit von einer Gleichverteilung entfernt.</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>Repetition Count Test: %1
Adaptive Proportion Test: %2</source>
        <translation>Repetition Count Test: %1
Adaptive Proportion Test: %2</translation>
    </message>
    <message>
        <source>Uniformly random bytes reach this RCT cut-off by chance about once every %1, so the check may fail without a fault. The default of %2 bits/byte avoids that.</source>
        <translation>Gleichverteilte Zufallsbytes erreichen diesen RCT-Grenzwert zufällig etwa einmal alle %1; die Prüfung kann also ohne Fehler scheitern. Der Standardwert von %2 Bit/Byte vermeidet das.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::FragmentPage</name>
    <message>
        <source>HSM_&amp;USE_RAND=true</source>
        <translation>HSM_&amp;USE_RAND=true</translation>
    </message>
    <message>
        <source>&amp;Replace the existing fragment of this name</source>
        <translation>Das vorhandene Fragment dieses Namens e&amp;rsetzen</translation>
    </message>
    <message>
        <source>Customer Fragment</source>
        <translation>Kundenfragment</translation>
    </message>
    <message>
        <source>Name the fragment and choose how the gateway holds it and where its random seed comes from.</source>
        <translation>Das Fragment benennen und wählen, wie das Gateway es hält und woher sein zufälliger Seed kommt.</translation>
    </message>
    <message>
        <source>Fragment name</source>
        <translation>Name des Fragments</translation>
    </message>
    <message>
        <source>required, e.g. HSM_CF</source>
        <translation>erforderlich, z. B. HSM_CF</translation>
    </message>
    <message>
        <source>Fragment description</source>
        <translation>Beschreibung des Fragments</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>hsm_&amp;secured</source>
        <translation>hsm_&amp;secured</translation>
    </message>
    <message>
        <source>s&amp;tandard</source>
        <translation>s&amp;tandard</translation>
    </message>
    <message>
        <source>Type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <source>Entropy source</source>
        <translation>Entropiequelle</translation>
    </message>
    <message>
        <source>Mixed: the HSM&apos;s and the OS&apos;s random bytes, XORed</source>
        <translation>Gemischt: die Zufallsbytes von HSM und Betriebssystem, mit XOR verknüpft</translation>
    </message>
    <message>
        <source>HSM: C_GenerateRandom</source>
        <translation>HSM: C_GenerateRandom</translation>
    </message>
    <message>
        <source>OS: OpenSSL RAND_bytes</source>
        <translation>Betriebssystem: OpenSSL RAND_bytes</translation>
    </message>
    <message>
        <source>HSM_USE_RAND is true</source>
        <translation>HSM_USE_RAND ist true</translation>
    </message>
    <message>
        <source>The gateway&apos;s HSM_USE_RAND: when true, the HSM must contribute random numbers, so the OS alone is not allowed.</source>
        <translation>HSM_USE_RAND des Gateways: Bei true muss das HSM Zufallszahlen beitragen, das Betriebssystem allein ist also nicht erlaubt.</translation>
    </message>
    <message>
        <source>About the entropy choices</source>
        <translation>Zu den Entropiequellen</translation>
    </message>
    <message>
        <source>Fragments file checked</source>
        <translation>Fragmentdatei geprüft</translation>
    </message>
    <message>
        <source>Fragment problem</source>
        <translation>Problem mit dem Fragment</translation>
    </message>
    <message>
        <source>Replace the existing fragment of this name</source>
        <translation>Das vorhandene Fragment dieses Namens ersetzen</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>&amp;Entropy:</source>
        <translation>&amp;Entropie:</translation>
    </message>
    <message>
        <source>The name must be new in %1 (fragments there now: %2). The file to write is chosen on the last page.</source>
        <translation>Der Name muss in %1 neu sein (dortige Fragmente: %2). Die zu schreibende Datei wird auf der letzten Seite gewählt.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2); choose another file on the last page.</source>
        <translation>%1 kann nicht gelesen werden (%2); auf der letzten Seite eine andere Datei wählen.</translation>
    </message>
    <message>
        <source>This token has no random number generator (CKF_RNG is not set), so the HSM cannot supply the seed: only the OS can.</source>
        <translation>Dieses Token hat keinen Zufallszahlengenerator (CKF_RNG ist nicht gesetzt), daher kann das HSM den Seed nicht liefern, nur das Betriebssystem.</translation>
    </message>
    <message>
        <source>HSM_USE_RAND=true: the HSM must contribute, so the OS alone is not offered.</source>
        <translation>HSM_USE_RAND=true: Das HSM muss beitragen, daher wird das Betriebssystem allein nicht angeboten.</translation>
    </message>
    <message>
        <source>The seed is 64 random bytes. Mixed XORs the HSM&apos;s and the OS&apos;s, so neither alone being weak weakens it.</source>
        <translation>Der Seed besteht aus 64 Zufallsbytes. „Gemischt“ verknüpft die von HSM und Betriebssystem mit XOR, sodass eine schwache Quelle allein ihn nicht schwächt.</translation>
    </message>
    <message>
        <source>Finish will replace the fragment named &apos;%1&apos; in %2; the gateway then loses the old fragment&apos;s value.</source>
        <translation>„Abschließen“ ersetzt das Fragment namens „%1“ in %2; das Gateway verliert dann den Wert des alten Fragments.</translation>
    </message>
    <message>
        <source>Write the &amp;older name hsm_wrapped</source>
        <translation>Den ä&amp;lteren Namen hsm_wrapped schreiben</translation>
    </message>
    <message>
        <source>hsm_wrap_&amp;hmac</source>
        <translation>hsm_wrap_&amp;hmac</translation>
    </message>
    <message>
        <source>Derived with the HMAC key once when the gateway starts and kept in memory.</source>
        <translation>Beim Start des Gateways einmal mit dem HMAC-Schlüssel abgeleitet und im Speicher gehalten.</translation>
    </message>
    <message>
        <source>Derived with the HMAC key on every use, never kept.</source>
        <translation>Bei jeder Verwendung mit dem HMAC-Schlüssel abgeleitet, nie gehalten.</translation>
    </message>
    <message>
        <source>hsm_wrap_en&amp;crypt</source>
        <translation>hsm_wrap_en&amp;crypt</translation>
    </message>
    <message>
        <source>Encrypted under the KEK; the gateway decrypts it in the HSM, and the KEK can be rotated later without changing the fragment.</source>
        <translation>Unter dem KEK verschlüsselt; das Gateway entschlüsselt es im HSM, und der KEK kann später gewechselt werden, ohne das Fragment zu ändern.</translation>
    </message>
    <message>
        <source>Stored as is, no HSM: the gateway uses the value itself.</source>
        <translation>Unverändert gespeichert, ohne HSM: Das Gateway verwendet den Wert selbst.</translation>
    </message>
    <message>
        <source>Write the older name hsm_wrapped</source>
        <translation>Den älteren Namen hsm_wrapped schreiben</translation>
    </message>
    <message>
        <source>Older gateway releases know this type only as hsm_wrapped; newer releases name it hsm_wrap_hmac and still read hsm_wrapped. Check your gateway&apos;s documentation if unsure which it runs.</source>
        <translation>Ältere Gateway-Versionen kennen diesen Typ nur als hsm_wrapped; neuere nennen ihn hsm_wrap_hmac und lesen hsm_wrapped weiterhin. Sehen Sie im Zweifel in der Dokumentation Ihres Gateways nach, welche Version läuft.</translation>
    </message>
    <message>
        <source>Older gateway releases know only hsm_wrapped; newer ones name the type hsm_wrap_hmac and add hsm_wrap_encrypt.</source>
        <translation>Ältere Gateway-Versionen kennen nur hsm_wrapped; neuere nennen den Typ hsm_wrap_hmac und kennen zusätzlich hsm_wrap_encrypt.</translation>
    </message>
    <message>
        <source>About the types offered</source>
        <translation>Zu den angebotenen Typen</translation>
    </message>
    <message>
        <source>The key chosen is the KEK &apos;%1&apos; (%2): hsm_wrap_encrypt or standard. For hsm_wrap_hmac or hsm_secured go back and choose an HMAC key.</source>
        <translation>Gewählt ist der KEK „%1“ (%2): hsm_wrap_encrypt oder standard. Für hsm_wrap_hmac oder hsm_secured gehen Sie zurück und wählen einen HMAC-Schlüssel.</translation>
    </message>
    <message>
        <source>The key chosen is the HMAC key &apos;%1&apos;: hsm_wrap_hmac, hsm_secured or standard. For hsm_wrap_encrypt go back and choose a key-encryption key.</source>
        <translation>Gewählt ist der HMAC-Schlüssel „%1“: hsm_wrap_hmac, hsm_secured oder standard. Für hsm_wrap_encrypt gehen Sie zurück und wählen einen Schlüsselverschlüsselungsschlüssel.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::FragmentTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Schlüssel-Label</translation>
    </message>
    <message>
        <source>Wrap algorithm</source>
        <translation>Verschlüsselungsalgorithmus</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>hsm::ui::FragmentWizard</name>
    <message>
        <source>New Customer Fragment</source>
        <translation>Neues Kundenfragment</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Finish: write the fragments file</source>
        <translation>Abschließen: die Fragmentdatei schreiben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>%1 already has a fragment named &apos;%2&apos; (%3, %4). Choose another name, or replace that fragment.</source>
        <translation>%1 enthält bereits ein Fragment namens „%2“ (%3, %4). Einen anderen Namen wählen oder dieses Fragment ersetzen.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::FragmentsPage</name>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Show &amp;Fingerprint</source>
        <translation>Fingerabdruck &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Rotate KEK…</source>
        <translation>KEK &amp;wechseln …</translation>
    </message>
    <message>
        <source>Fragments status</source>
        <translation>Status der Fragmente</translation>
    </message>
    <message>
        <source>Customer Fragments</source>
        <translation>Kundenfragmente</translation>
    </message>
    <message>
        <source>Fragments f&amp;ile:</source>
        <translation>Fragment&amp;datei:</translation>
    </message>
    <message>
        <source>Fragments file</source>
        <translation>Fragmentdatei</translation>
    </message>
    <message>
        <source>customer_fragments.json; Return reads it</source>
        <translation>customer_fragments.json; die Eingabetaste liest sie</translation>
    </message>
    <message>
        <source>Open a fragments file</source>
        <translation>Eine Fragmentdatei öffnen</translation>
    </message>
    <message>
        <source>Read the fragments file again</source>
        <translation>Die Fragmentdatei neu lesen</translation>
    </message>
    <message>
        <source>&amp;Entries (their values are never shown):</source>
        <translation>&amp;Einträge (ihre Werte werden nie gezeigt):</translation>
    </message>
    <message>
        <source>Fragment entries</source>
        <translation>Fragmenteinträge</translation>
    </message>
    <message>
        <source>Show the fingerprint of the selected entry</source>
        <translation>Den Fingerabdruck des gewählten Eintrags zeigen</translation>
    </message>
    <message>
        <source>The first 16 hex digits of the SHA-256 of the value the gateway uses; for the HSM types this needs the token.</source>
        <translation>Die ersten 16 Hex-Ziffern des SHA-256 des Werts, den das Gateway verwendet; für die HSM-Typen braucht das das Token.</translation>
    </message>
    <message>
        <source>Rotate the KEK of the selected entry</source>
        <translation>Den KEK des gewählten Eintrags wechseln</translation>
    </message>
    <message>
        <source>Open Customer Fragments</source>
        <translation>Kundenfragmente öffnen</translation>
    </message>
    <message>
        <source>Customer fragments (*.json);;All files (*)</source>
        <translation>Kundenfragmente (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n fragment(s) in %1.</source>
        <translation>
            <numerusform>%n Fragment in %1.</numerusform>
            <numerusform>%n Fragmente in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2 and needs the HSM: choose its token in the main window first.</source>
        <translation>%1 ist %2 und braucht das HSM: Wählen Sie zuerst sein Token im Hauptfenster.</translation>
    </message>
    <message>
        <source>%1 has the type &apos;%2&apos;, which HSM Admin does not know; it has no fingerprint here.</source>
        <translation>%1 hat den Typ „%2“, den HSM Admin nicht kennt; es hat hier keinen Fingerabdruck.</translation>
    </message>
    <message>
        <source>Deriving the value of %1…</source>
        <translation>Der Wert von %1 wird abgeleitet …</translation>
    </message>
    <message>
        <source>No fingerprint for %1: %2 %3</source>
        <translation>Kein Fingerabdruck für %1: %2 %3</translation>
    </message>
    <message>
        <source>The token is not logged in: log in and the fingerprint of %1 is derived.</source>
        <translation>Das Token ist nicht angemeldet: Melden Sie sich an, dann wird der Fingerabdruck von %1 abgeleitet.</translation>
    </message>
    <message>
        <source>No fingerprint for %1: %2</source>
        <translation>Kein Fingerabdruck für %1: %2</translation>
    </message>
    <message>
        <source>Fingerprint of %1: %2</source>
        <translation>Fingerabdruck von %1: %2</translation>
    </message>
    <message>
        <source>%1 is %2; only hsm_wrap_encrypt fragments have a KEK to rotate.</source>
        <translation>%1 ist %2; nur hsm_wrap_encrypt-Fragmente haben einen KEK, der gewechselt werden kann.</translation>
    </message>
    <message>
        <source>Rotating a KEK needs the HSM: choose its token in the main window first.</source>
        <translation>Ein KEK-Wechsel braucht das HSM: Wählen Sie zuerst sein Token im Hauptfenster.</translation>
    </message>
    <message>
        <source>Log in to the token to see its key-encryption keys.</source>
        <translation>Melden Sie sich am Token an, um seine Schlüsselverschlüsselungsschlüssel zu sehen.</translation>
    </message>
    <message>
        <source>%1 was rotated; %2 was rewritten and its previous version is %2.bak.</source>
        <translation>Der KEK von %1 wurde gewechselt; %2 wurde neu geschrieben, die vorige Fassung ist %2.bak.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::GatewayExportWidget</name>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Deployment f&amp;ormat:</source>
        <translation>Bereitstellungs&amp;format:</translation>
    </message>
    <message>
        <source>Deployment format</source>
        <translation>Bereitstellungsformat</translation>
    </message>
    <message>
        <source>docker run command</source>
        <translation>docker-run-Befehl</translation>
    </message>
    <message>
        <source>env file</source>
        <translation>env-Datei</translation>
    </message>
    <message>
        <source>Docker Compose</source>
        <translation>Docker Compose</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <source>Helm values</source>
        <translation>Helm-Werte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Deployment settings</source>
        <translation>Bereitstellungseinstellungen</translation>
    </message>
    <message>
        <source>Copy the deployment settings</source>
        <translation>Die Bereitstellungseinstellungen kopieren</translation>
    </message>
    <message>
        <source>Save the deployment settings to a file</source>
        <translation>Die Bereitstellungseinstellungen in einer Datei speichern</translation>
    </message>
    <message>
        <source>Deployment settings message</source>
        <translation>Meldung zu den Bereitstellungseinstellungen</translation>
    </message>
    <message>
        <source>No deployment settings yet: %1</source>
        <translation>Noch keine Bereitstellungseinstellungen: %1</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>Save the Deployment Settings</source>
        <translation>Bereitstellungseinstellungen speichern</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>C&amp;hart:</translation>
    </message>
    <message>
        <source>Helm chart</source>
        <translation>Helm-Chart</translation>
    </message>
    <message>
        <source>The vendor&apos;s charts read the HSM settings under different paths.</source>
        <translation>Die Charts des Herstellers lesen die HSM-Einstellungen unter verschiedenen Pfaden.</translation>
    </message>
    <message>
        <source>Deployment format:</source>
        <translation>Bereitstellungsformat:</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Save to a fi&amp;le…</source>
        <translation>Als Datei s&amp;peichern …</translation>
    </message>
    <message>
        <source>Fill in before use: %1.</source>
        <translation>Vor der Verwendung ausfüllen: %1.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::GatewayImportDialog</name>
    <message>
        <source>Open &amp;Env File…</source>
        <translation>&amp;env-Datei öffnen …</translation>
    </message>
    <message>
        <source>Import Gateway Settings</source>
        <translation>Gateway-Einstellungen importieren</translation>
    </message>
    <message>
        <source>&amp;Paste the docker run command that starts the gateway, or open its env file. The library, the token, HSM_USE_RAND and the fragments file are taken from it; anything else is listed. A PIN in it is never kept.</source>
        <translation>Den docker-run-Befehl, der das Gateway startet, &amp;einfügen oder seine env-Datei öffnen. Bibliothek, Token, HSM_USE_RAND und Fragmentdatei werden daraus übernommen; alles andere wird aufgelistet. Eine darin enthaltene PIN wird nie aufbewahrt.</translation>
    </message>
    <message>
        <source>docker run command</source>
        <translation>docker-run-Befehl</translation>
    </message>
    <message>
        <source>Import from an env file</source>
        <translation>Aus einer env-Datei importieren</translation>
    </message>
    <message>
        <source>Import problem</source>
        <translation>Problem beim Import</translation>
    </message>
    <message>
        <source>&amp;Import Command</source>
        <translation>Befehl &amp;importieren</translation>
    </message>
    <message>
        <source>Import the docker run command</source>
        <translation>Den docker-run-Befehl importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open the Gateway&apos;s Env File</source>
        <translation>env-Datei des Gateways öffnen</translation>
    </message>
    <message>
        <source>Env files (*.env .env *.txt);;All files (*)</source>
        <translation>env-Dateien (*.env .env *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::GatewayPage</name>
    <message>
        <source>Pic&amp;k…</source>
        <translation>Wähle&amp;n …</translation>
    </message>
    <message>
        <source>Deployment settings for the selected token</source>
        <translation>Bereitstellungseinstellungen für das gewählte Token</translation>
    </message>
    <message>
        <source>Fragments file (optio&amp;nal):</source>
        <translation>&amp;Fragmentdatei (optional):</translation>
    </message>
    <message>
        <source>Fragments file to mount</source>
        <translation>Einzubindende Fragmentdatei</translation>
    </message>
    <message>
        <source>none: the exports leave the fragments out</source>
        <translation>keine: die Exporte lassen die Fragmente weg</translation>
    </message>
    <message>
        <source>Choose the fragments file</source>
        <translation>Die Fragmentdatei wählen</translation>
    </message>
    <message>
        <source>Choose the customer_fragments.json the gateway mounts</source>
        <translation>Die customer_fragments.json wählen, die das Gateway einbindet</translation>
    </message>
    <message>
        <source>Choose the Fragments File</source>
        <translation>Fragmentdatei wählen</translation>
    </message>
    <message>
        <source>Customer fragments (*.json);;All files (*)</source>
        <translation>Kundenfragmente (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>hsm::ui::HsmPage</name>
    <message>
        <source>C&amp;hoose Library…</source>
        <translation>Bibliothek &amp;wählen …</translation>
    </message>
    <message>
        <source>Use &amp;Demo HSM</source>
        <translation>&amp;Demo-HSM verwenden</translation>
    </message>
    <message>
        <source>I&amp;mport Gateway Settings…</source>
        <translation>Gateway-Einstellungen i&amp;mportieren …</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>HSM status</source>
        <translation>HSM-Status</translation>
    </message>
    <message>
        <source>HSM and Token</source>
        <translation>HSM und Token</translation>
    </message>
    <message>
        <source>Choose the PKCS#11 library and the token the gateway will use, and log in to it.</source>
        <translation>Die PKCS#11-Bibliothek und das Token wählen, die das Gateway verwenden wird, und sich daran anmelden.</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Bibliothek:</translation>
    </message>
    <message>
        <source>Loaded library</source>
        <translation>Geladene Bibliothek</translation>
    </message>
    <message>
        <source>No library loaded</source>
        <translation>Keine Bibliothek geladen</translation>
    </message>
    <message>
        <source>Loaded module</source>
        <translation>Geladenes Modul</translation>
    </message>
    <message>
        <source>Choose a PKCS#11 library</source>
        <translation>Eine PKCS#11-Bibliothek wählen</translation>
    </message>
    <message>
        <source>Use the demo HSM</source>
        <translation>Das Demo-HSM verwenden</translation>
    </message>
    <message>
        <source>Import gateway settings</source>
        <translation>Gateway-Einstellungen importieren</translation>
    </message>
    <message>
        <source>What was imported</source>
        <translation>Was importiert wurde</translation>
    </message>
    <message>
        <source>PKCS#11 library</source>
        <translation>PKCS#11-Bibliothek</translation>
    </message>
    <message>
        <source>Login state</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Log in to the chosen token</source>
        <translation>Am gewählten Token anmelden</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Looking for a loaded library…</source>
        <translation>Eine geladene Bibliothek wird gesucht …</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No PKCS#11 library is loaded yet: choose one, use the demo HSM, or import the gateway&apos;s settings.</source>
        <translation>Noch ist keine PKCS#11-Bibliothek geladen: eine wählen, das Demo-HSM verwenden oder die Einstellungen des Gateways importieren.</translation>
    </message>
    <message>
        <source>Could not load the PKCS#11 library: %1</source>
        <translation>Die PKCS#11-Bibliothek konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 — the demo HSM, not for production; user PIN %2</source>
        <translation>%1 – das Demo-HSM, nicht für den Produktivbetrieb; Benutzer-PIN %2</translation>
    </message>
    <message>
        <source>Reading the slots…</source>
        <translation>Die Slots werden gelesen …</translation>
    </message>
    <message>
        <source>Could not read the slots: %1</source>
        <translation>Die Slots konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Choose the token in the list.</source>
        <translation>Das Token in der Liste wählen.</translation>
    </message>
    <message>
        <source>the fragments file %1</source>
        <translation>die Fragmentdatei %1</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Importiert: %1.</translation>
    </message>
    <message>
        <source>The settings carry CUSTOMER_FRAGMENTS inline; this wizard writes a fragments file to mount instead.</source>
        <translation>Die Einstellungen enthalten CUSTOMER_FRAGMENTS direkt; dieser Assistent schreibt stattdessen eine Fragmentdatei zum Einbinden.</translation>
    </message>
    <message>
        <source>Everything in the settings was used.</source>
        <translation>Alle Einstellungen wurden verwendet.</translation>
    </message>
    <message>
        <source>Not used: %1.</source>
        <translation>Nicht verwendet: %1.</translation>
    </message>
    <message>
        <source>The imported settings name no library (PKCS11_LIB_PATH): choose one or use the demo HSM.</source>
        <translation>Die importierten Einstellungen nennen keine Bibliothek (PKCS11_LIB_PATH): eine wählen oder das Demo-HSM verwenden.</translation>
    </message>
    <message>
        <source>Finding the imported token…</source>
        <translation>Das importierte Token wird gesucht …</translation>
    </message>
    <message>
        <source>The imported token was not found: %1; choose the token in the list.</source>
        <translation>Das importierte Token wurde nicht gefunden: %1; das Token in der Liste wählen.</translation>
    </message>
    <message>
        <source>Selected %1 as the imported settings name it.</source>
        <translation>%1 gewählt, wie es die importierten Einstellungen nennen.</translation>
    </message>
    <message>
        <source>Choose a token to log in to.</source>
        <translation>Ein Token zum Anmelden wählen.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::KeyPage</name>
    <message>
        <source>Check &amp;Again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Create Key…</source>
        <translation>Schlüssel &amp;erstellen …</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>Schlüsselstatus</translation>
    </message>
    <message>
        <source>HSM Key</source>
        <translation>HSM-Schlüssel</translation>
    </message>
    <message>
        <source>Choose the secret key the fragment is derived with. Each key is checked the way the gateway will use it: exactly one key under its label, computing HMAC-SHA256 inside the HSM.</source>
        <translation>Den geheimen Schlüssel wählen, mit dem das Fragment abgeleitet wird. Jeder Schlüssel wird so geprüft, wie das Gateway ihn verwenden wird: genau ein Schlüssel unter seinem Label, der HMAC-SHA256 im HSM berechnet.</translation>
    </message>
    <message>
        <source>Secret &amp;keys on the token:</source>
        <translation>Geheime &amp;Schlüssel auf dem Token:</translation>
    </message>
    <message>
        <source>Secret keys on the token</source>
        <translation>Geheime Schlüssel auf dem Token</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bit</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Check of the chosen key</source>
        <translation>Prüfung des gewählten Schlüssels</translation>
    </message>
    <message>
        <source>Read and check the keys again</source>
        <translation>Die Schlüssel erneut lesen und prüfen</translation>
    </message>
    <message>
        <source>Create a new secret key</source>
        <translation>Einen neuen geheimen Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Reading the secret keys of %1…</source>
        <translation>Die geheimen Schlüssel von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(kein Label)</translation>
    </message>
    <message>
        <source>This key has no label, so the gateway cannot find it.</source>
        <translation>Dieser Schlüssel hat kein Label, daher kann das Gateway ihn nicht finden.</translation>
    </message>
    <message>
        <source>Could not read all keys: %1</source>
        <translation>Nicht alle Schlüssel konnten gelesen werden: %1</translation>
    </message>
    <message>
        <source>The token has no secret key yet: create one.</source>
        <translation>Das Token hat noch keinen geheimen Schlüssel: einen erstellen.</translation>
    </message>
    <message>
        <source>Checking &apos;%1&apos; with HMAC-SHA256…</source>
        <translation>„%1“ wird mit HMAC-SHA256 geprüft …</translation>
    </message>
    <message>
        <source>The keys were not read and checked: %1 %2 Check Again asks for the PIN.</source>
        <translation>Die Schlüssel wurden nicht gelesen und geprüft: %1 %2 „Erneut prüfen“ fragt nach der PIN.</translation>
    </message>
    <message>
        <source>The token is not logged in any more: log in and the keys are checked again.</source>
        <translation>Das Token ist nicht mehr angemeldet: Nach der Anmeldung werden die Schlüssel erneut geprüft.</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
    <message>
        <source>Passed: computes HMAC-SHA256</source>
        <translation>Bestanden: berechnet HMAC-SHA256</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>This key</source>
        <translation>Dieser Schlüssel</translation>
    </message>
    <message>
        <source>&apos;%1&apos;</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1 is being checked…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>%1 passed: %2</source>
        <translation>%1 bestanden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>&amp;HMAC key, for hsm_wrap_hmac and hsm_secured</source>
        <translation>&amp;HMAC-Schlüssel, für hsm_wrap_hmac und hsm_secured</translation>
    </message>
    <message>
        <source>Key-&amp;encryption key (KEK), for hsm_wrap_encrypt</source>
        <translation>Schlüssel&amp;verschlüsselungsschlüssel (KEK), für hsm_wrap_encrypt</translation>
    </message>
    <message>
        <source>&amp;Wrap algorithm:</source>
        <translation>Verschlüsselungs&amp;algorithmus:</translation>
    </message>
    <message>
        <source>HMAC key, for hsm_wrap_hmac and hsm_secured</source>
        <translation>HMAC-Schlüssel, für hsm_wrap_hmac und hsm_secured</translation>
    </message>
    <message>
        <source>Key-encryption key, for hsm_wrap_encrypt</source>
        <translation>Schlüsselverschlüsselungsschlüssel, für hsm_wrap_encrypt</translation>
    </message>
    <message>
        <source>Wrap algorithm</source>
        <translation>Verschlüsselungsalgorithmus</translation>
    </message>
    <message>
        <source>About the wrap algorithms</source>
        <translation>Zu den Verschlüsselungsalgorithmen</translation>
    </message>
    <message>
        <source>Choose the key-encryption key (KEK) the fragment is encrypted under, and the algorithm. Each KEK is checked with an encrypt/decrypt round trip inside the HSM for every algorithm its kind allows.</source>
        <translation>Wählen Sie den Schlüsselverschlüsselungsschlüssel (KEK), unter dem das Fragment verschlüsselt wird, und den Algorithmus. Jeder KEK wird für jeden Algorithmus, den seine Art zulässt, mit einem Hin- und Rückweg aus Ver- und Entschlüsselung im HSM geprüft.</translation>
    </message>
    <message>
        <source>&amp;Key-encryption keys on the token (RSA key pairs, AES keys):</source>
        <translation>&amp;Schlüsselverschlüsselungsschlüssel auf dem Token (RSA-Schlüsselpaare, AES-Schlüssel):</translation>
    </message>
    <message>
        <source>Key-encryption keys on the token</source>
        <translation>Schlüsselverschlüsselungsschlüssel auf dem Token</translation>
    </message>
    <message>
        <source>&amp;Create KEK…</source>
        <translation>KEK &amp;erstellen …</translation>
    </message>
    <message>
        <source>Create a new key-encryption key</source>
        <translation>Einen neuen Schlüsselverschlüsselungsschlüssel erstellen</translation>
    </message>
    <message>
        <source>Reading the key-encryption keys of %1…</source>
        <translation>Die Schlüsselverschlüsselungsschlüssel von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>The token has no key-encryption key yet: create one.</source>
        <translation>Das Token hat noch keinen Schlüsselverschlüsselungsschlüssel: Erstellen Sie einen.</translation>
    </message>
    <message>
        <source>Checking &apos;%1&apos; with encrypt/decrypt round trips…</source>
        <translation>„%1“ wird mit Hin- und Rückwegen aus Ver- und Entschlüsselung geprüft …</translation>
    </message>
    <message>
        <source>Passed: encrypts and decrypts (%1)</source>
        <translation>Bestanden: ver- und entschlüsselt (%1)</translation>
    </message>
    <message>
        <source>Every algorithm for this kind of key works on this module.</source>
        <translation>Jeder Algorithmus für diese Art Schlüssel funktioniert auf diesem Modul.</translation>
    </message>
    <message>
        <source>Not offered, because the round trip failed on this module: %1</source>
        <translation>Nicht angeboten, weil der Hin- und Rückweg auf diesem Modul fehlschlug: %1</translation>
    </message>
</context>
<context>
    <name>hsm::ui::LoginFlow</name>
    <message>
        <source>Another token was chosen.</source>
        <translation>Ein anderes Token wurde gewählt.</translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation>Bei %1 angemeldet</translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation>Nicht bei %1 angemeldet</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>Slot %1</translation>
    </message>
    <message>
        <source>%1 is no longer logged in (the HSM may have restarted): enter the PIN again to go on.</source>
        <translation>%1 ist nicht mehr angemeldet (das HSM wurde vielleicht neu gestartet): zum Fortfahren die PIN erneut eingeben.</translation>
    </message>
    <message>
        <source>Log in again to go on: %1</source>
        <translation>Zum Fortfahren erneut anmelden: %1</translation>
    </message>
    <message>
        <source>Not logged in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Could not read the PIN state of %1: %2</source>
        <translation>Der PIN-Status von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Final PIN Attempt</source>
        <translation>Letzter PIN-Versuch</translation>
    </message>
    <message>
        <source>%1

If this PIN is wrong, the user PIN of %2 locks and only the security officer can unlock it.</source>
        <translation>%1

Ist diese PIN falsch, wird die Benutzer-PIN von %2 gesperrt, und nur der Security Officer kann sie entsperren.</translation>
    </message>
    <message>
        <source>Final PIN attempt</source>
        <translation>Letzter PIN-Versuch</translation>
    </message>
    <message>
        <source>&amp;Try anyway</source>
        <translation>&amp;Trotzdem versuchen</translation>
    </message>
    <message>
        <source>Try anyway</source>
        <translation>Trotzdem versuchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The final PIN attempt was not made.</source>
        <translation>Der letzte PIN-Versuch wurde nicht unternommen.</translation>
    </message>
    <message>
        <source>Enter the PIN again for the final attempt.</source>
        <translation>Die PIN für den letzten Versuch erneut eingeben.</translation>
    </message>
    <message>
        <source>Enter the PIN on the PIN pad of %1.</source>
        <translation>Die PIN am PIN-Pad von %1 eingeben.</translation>
    </message>
    <message>
        <source>The PIN dialog was closed without logging in.</source>
        <translation>Der PIN-Dialog wurde ohne Anmeldung geschlossen.</translation>
    </message>
    <message>
        <source>Could not log in to %1: %2</source>
        <translation>Anmeldung bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Before this login: %1</source>
        <translation>Vor dieser Anmeldung: %1</translation>
    </message>
    <message>
        <source>Could not log out: %1</source>
        <translation>Abmelden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Log In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Login problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
</context>
<context>
    <name>hsm::ui::MainWindow</name>
    <message>
        <source>Demo HSM notice</source>
        <translation>Hinweis zum Demo-HSM</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>HSM Admin</source>
        <translation>HSM Admin</translation>
    </message>
    <message>
        <source>Demo HSM (SoftHSMv2) – not for production; user PIN %1</source>
        <translation>Demo-HSM (SoftHSMv2) – nicht für den Produktivbetrieb; Benutzer-PIN %1</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Library path</source>
        <translation>Bibliothekspfad</translation>
    </message>
    <message>
        <source>Login state</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Waiting for the HSM</source>
        <translation>Warten auf das HSM</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>No PKCS#11 library loaded.</source>
        <translation>Keine PKCS#11-Bibliothek geladen.</translation>
    </message>
    <message>
        <source>%1 has not answered for %2 s: its request was given up; the next ones wait for the library.</source>
        <translation>%1 hat %2 s lang nicht geantwortet: Die Anfrage wurde aufgegeben; die nächsten warten auf die Bibliothek.</translation>
    </message>
    <message>
        <source>Waiting for the HSM: %1 (%2 s)…</source>
        <translation>Warten auf das HSM: %1 (%2 s) …</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>Bibliothek ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Load a vendor&apos;s PKCS#11 library</source>
        <translation>Die PKCS#11-Bibliothek eines Herstellers laden</translation>
    </message>
    <message>
        <source>Use &amp;Demo HSM</source>
        <translation>&amp;Demo-HSM verwenden</translation>
    </message>
    <message>
        <source>Load the built-in SoftHSMv2 demo HSM</source>
        <translation>Das eingebaute SoftHSMv2-Demo-HSM laden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Re-initialize the library and read its slots again</source>
        <translation>Die Bibliothek neu initialisieren und ihre Slots erneut lesen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Log in to the selected token with its user PIN</source>
        <translation>Mit der Benutzer-PIN am gewählten Token anmelden</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>Log out of the selected token</source>
        <translation>Vom gewählten Token abmelden</translation>
    </message>
    <message>
        <source>&amp;Create Key…</source>
        <translation>Schlüssel &amp;erstellen …</translation>
    </message>
    <message>
        <source>Create an HMAC-SHA256 secret key on the selected token</source>
        <translation>Einen geheimen HMAC-SHA256-Schlüssel auf dem gewählten Token erstellen</translation>
    </message>
    <message>
        <source>Chec&amp;k Key…</source>
        <translation>Schlüssel &amp;prüfen …</translation>
    </message>
    <message>
        <source>Check that a secret key exists once and computes HMAC-SHA256</source>
        <translation>Prüfen, dass ein geheimer Schlüssel genau einmal vorhanden ist und HMAC-SHA256 berechnet</translation>
    </message>
    <message>
        <source>&amp;New Customer Fragment…</source>
        <translation>&amp;Neues Kundenfragment …</translation>
    </message>
    <message>
        <source>Generate a customer fragment, verify it through the HSM and add it to customer_fragments.json</source>
        <translation>Ein Kundenfragment erzeugen, über das HSM verifizieren und zu customer_fragments.json hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Probe Gateway…</source>
        <translation>&amp;Gateway prüfen …</translation>
    </message>
    <message>
        <source>Check that a deployed gateway answers on its ports and /health</source>
        <translation>Prüfen, dass ein bereitgestelltes Gateway auf seinen Ports und unter /health antwortet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;HSM</source>
        <translation>&amp;HSM</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Re-initializing the library…</source>
        <translation>Die Bibliothek wird neu initialisiert …</translation>
    </message>
    <message>
        <source>Probe Gateway</source>
        <translation>Gateway prüfen</translation>
    </message>
    <message>
        <source>Reading the library the wizard loaded…</source>
        <translation>Die vom Assistenten geladene Bibliothek wird gelesen …</translation>
    </message>
    <message>
        <source>Added the fragment &apos;%1&apos; to %2.</source>
        <translation>Das Fragment „%1“ wurde zu %2 hinzugefügt.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Reading the slots was cancelled.</source>
        <translation>Das Lesen der Slots wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read the slots: %1</source>
        <translation>Die Slots konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not load the PKCS#11 library: %1</source>
        <translation>Die PKCS#11-Bibliothek konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 – HSM Admin</source>
        <translation>%1 – HSM Admin</translation>
    </message>
    <message>
        <source>Call &amp;Log</source>
        <translation>Aufruf&amp;protokoll</translation>
    </message>
    <message>
        <source>Show every PKCS#11 call made to the library, with its return value and duration</source>
        <translation>Jeden PKCS#11-Aufruf an die Bibliothek mit Rückgabewert und Dauer zeigen</translation>
    </message>
    <message>
        <source>Customer &amp;Fragments…</source>
        <translation>&amp;Kundenfragmente …</translation>
    </message>
    <message>
        <source>Open a customer_fragments.json: list its entries, show fingerprints and rotate KEKs</source>
        <translation>Eine customer_fragments.json öffnen: ihre Einträge auflisten, Fingerabdrücke zeigen und KEKs wechseln</translation>
    </message>
</context>
<context>
    <name>hsm::ui::MechanismPage</name>
    <message>
        <source>Filter by name or flag, e.g. sha256_hmac or sign</source>
        <translation>Nach Name oder Flag filtern, z. B. sha256_hmac oder sign</translation>
    </message>
    <message>
        <source>Mechanism filter</source>
        <translation>Mechanismusfilter</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>Mechanismen</translation>
    </message>
    <message>
        <source>Mechanism status</source>
        <translation>Mechanismusstatus</translation>
    </message>
    <message>
        <source>Select a slot or token to see its mechanisms.</source>
        <translation>Einen Slot oder ein Token wählen, um seine Mechanismen zu sehen.</translation>
    </message>
    <message>
        <source>Reading the mechanisms of slot %1…</source>
        <translation>Die Mechanismen von Slot %1 werden gelesen …</translation>
    </message>
    <message>
        <source>%1 mechanisms</source>
        <translation>%1 Mechanismen</translation>
    </message>
    <message>
        <source>Showing %1 of %2 mechanisms</source>
        <translation>%1 von %2 Mechanismen angezeigt</translation>
    </message>
</context>
<context>
    <name>hsm::ui::MechanismTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Min key</source>
        <translation>Min. Schlüssel</translation>
    </message>
    <message>
        <source>Max key</source>
        <translation>Max. Schlüssel</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ModuleBrowser</name>
    <message>
        <source>Slots and tokens</source>
        <translation>Slots und Token</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Slot</source>
        <translation>&amp;Slot</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Mechanisms</source>
        <translation>&amp;Mechanismen</translation>
    </message>
    <message>
        <source>&amp;Objects</source>
        <translation>&amp;Objekte</translation>
    </message>
    <message>
        <source>&amp;Entropy</source>
        <translation>&amp;Entropie</translation>
    </message>
    <message>
        <source>Gate&amp;way</source>
        <translation>Gate&amp;way</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Mechanisms</source>
        <translation>Mechanismen</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>Gateway token selection</source>
        <translation>Token-Auswahl für das Gateway</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ModuleLoader</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Loading the demo HSM…</source>
        <translation>Das Demo-HSM wird geladen …</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ModuleTreeModel</name>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Slot %1</source>
        <translation>Slot %1</translation>
    </message>
    <message>
        <source>Slot %1 (token unreadable)</source>
        <translation>Slot %1 (Token nicht lesbar)</translation>
    </message>
    <message>
        <source>Slot %1 (no token)</source>
        <translation>Slot %1 (kein Token)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Uninitialized token</source>
        <translation>Nicht initialisiertes Token</translation>
    </message>
    <message>
        <source>Uninitialized token (#%1)</source>
        <translation>Nicht initialisiertes Token (#%1)</translation>
    </message>
    <message>
        <source>This token has not been initialized (C_InitToken).</source>
        <translation>Dieses Token wurde nicht initialisiert (C_InitToken).</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ObjectTableModel</name>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>ID (hex)</source>
        <translation>ID (hex)</translation>
    </message>
    <message>
        <source>Size (bits)</source>
        <translation>Größe (Bit)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ObjectsPage</name>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Create Ke&amp;y…</source>
        <translation>Schlüssel &amp;erstellen …</translation>
    </message>
    <message>
        <source>Chec&amp;k Key…</source>
        <translation>Schlüssel &amp;prüfen …</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Filter by label, id, class or key type</source>
        <translation>Nach Label, ID, Klasse oder Schlüsseltyp filtern</translation>
    </message>
    <message>
        <source>Object filter</source>
        <translation>Objektfilter</translation>
    </message>
    <message>
        <source>Read the objects again</source>
        <translation>Die Objekte erneut lesen</translation>
    </message>
    <message>
        <source>Create a secret key</source>
        <translation>Einen geheimen Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Check a secret key</source>
        <translation>Einen geheimen Schlüssel prüfen</translation>
    </message>
    <message>
        <source>Reading objects</source>
        <translation>Objekte werden gelesen</translation>
    </message>
    <message>
        <source>Stop reading objects</source>
        <translation>Das Lesen der Objekte anhalten</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Attributes of the selected object</source>
        <translation>Attribute des gewählten Objekts</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Object status</source>
        <translation>Objektstatus</translation>
    </message>
    <message>
        <source>Key check result</source>
        <translation>Ergebnis der Schlüsselprüfung</translation>
    </message>
    <message>
        <source>Select an initialized token to see its objects.</source>
        <translation>Ein initialisiertes Token wählen, um seine Objekte zu sehen.</translation>
    </message>
    <message>
        <source>Reading the objects of %1…</source>
        <translation>Die Objekte von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>Reading the objects of %1… %2 so far</source>
        <translation>Die Objekte von %1 werden gelesen … bisher %2</translation>
    </message>
    <message>
        <source>%1 Not read again: %2</source>
        <translation>%1 Nicht erneut gelesen: %2</translation>
    </message>
    <message>
        <source>%1 is not logged in any more: the objects are read again after the login.</source>
        <translation>%1 ist nicht mehr angemeldet: Die Objekte werden nach der Anmeldung erneut gelesen.</translation>
    </message>
    <message>
        <source>Could not read all objects: %1</source>
        <translation>Nicht alle Objekte konnten gelesen werden: %1</translation>
    </message>
    <message>
        <source>Stopped: %1 read before cancelling; Reload reads them all.</source>
        <translation>Angehalten: %1 vor dem Abbruch gelesen; „Neu laden“ liest alle.</translation>
    </message>
    <message>
        <source>Objects: %1</source>
        <translation>Objekte: %1</translation>
    </message>
    <message>
        <source>Objects: the filter shows %1 of %2</source>
        <translation>Objekte: Der Filter zeigt %1 von %2</translation>
    </message>
    <message>
        <source> — private objects show only after logging in (Ctrl+L).</source>
        <translation> – private Objekte erscheinen erst nach der Anmeldung (Strg+L).</translation>
    </message>
    <message>
        <source>Reading the attributes…</source>
        <translation>Die Attribute werden gelesen …</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>sensitiv</translation>
    </message>
    <message>
        <source>secret (not read)</source>
        <translation>geheim (nicht gelesen)</translation>
    </message>
    <message>
        <source>Created the key &apos;%1&apos; (%2, %3 bits, id %4).</source>
        <translation>Der Schlüssel „%1“ wurde erstellt (%2, %3 Bit, ID %4).</translation>
    </message>
    <message>
        <source>Check Key</source>
        <translation>Schlüssel prüfen</translation>
    </message>
    <message>
        <source>&amp;Label of the secret key to check for HMAC-SHA256:</source>
        <translation>&amp;Label des geheimen Schlüssels, der auf HMAC-SHA256 geprüft wird:</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <source>Label of the key to check</source>
        <translation>Label des zu prüfenden Schlüssels</translation>
    </message>
    <message>
        <source>Checking the key &apos;%1&apos;…</source>
        <translation>Der Schlüssel „%1“ wird geprüft …</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 Not checked again: %2</source>
        <translation>%1 Nicht erneut geprüft: %2</translation>
    </message>
    <message>
        <source>The token is not logged in any more: the key &apos;%1&apos; is checked again after the login.</source>
        <translation>Das Token ist nicht mehr angemeldet: Der Schlüssel „%1“ wird nach der Anmeldung erneut geprüft.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::OpenLibraryDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Open PKCS#11 Library</source>
        <translation>PKCS#11-Bibliothek öffnen</translation>
    </message>
    <message>
        <source>&amp;Libraries found on this machine:</source>
        <translation>Auf diesem Rechner gefundene &amp;Bibliotheken:</translation>
    </message>
    <message>
        <source>Libraries found on this machine</source>
        <translation>Auf diesem Rechner gefundene Bibliotheken</translation>
    </message>
    <message>
        <source>Searching for PKCS#11 libraries…</source>
        <translation>PKCS#11-Bibliotheken werden gesucht …</translation>
    </message>
    <message>
        <source>&amp;Recently opened:</source>
        <translation>&amp;Zuletzt geöffnet:</translation>
    </message>
    <message>
        <source>Recently opened libraries</source>
        <translation>Zuletzt geöffnete Bibliotheken</translation>
    </message>
    <message>
        <source>No library opened yet.</source>
        <translation>Noch keine Bibliothek geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Pfad:</translation>
    </message>
    <message>
        <source>Library path</source>
        <translation>Bibliothekspfad</translation>
    </message>
    <message>
        <source>/usr/lib/vendor/libpkcs11.so</source>
        <translation>/usr/lib/hersteller/libpkcs11.so</translation>
    </message>
    <message>
        <source>Browse for a library file</source>
        <translation>Eine Bibliotheksdatei suchen</translation>
    </message>
    <message>
        <source>Load error</source>
        <translation>Fehler beim Laden</translation>
    </message>
    <message>
        <source>Open the library</source>
        <translation>Die Bibliothek öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Choose a PKCS#11 Library</source>
        <translation>PKCS#11-Bibliothek wählen</translation>
    </message>
    <message>
        <source>Shared libraries (*.so *.so.*);;All files (*)</source>
        <translation>Gemeinsame Bibliotheken (*.so *.so.*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Found through %1</source>
        <translation>Gefunden über %1</translation>
    </message>
    <message>
        <source>No PKCS#11 library found; enter a path below.</source>
        <translation>Keine PKCS#11-Bibliothek gefunden; unten einen Pfad eingeben.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::PinDialog</name>
    <message>
        <source>&amp;Show PIN</source>
        <translation>PIN &amp;anzeigen</translation>
    </message>
    <message>
        <source>Log In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>PIN state</source>
        <translation>PIN-Status</translation>
    </message>
    <message>
        <source>User &amp;PIN for %1:</source>
        <translation>Benutzer-&amp;PIN für %1:</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>Show the PIN while typing</source>
        <translation>Die PIN beim Tippen anzeigen</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>Anmeldemeldung</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No PIN can be entered while the user PIN is locked.</source>
        <translation>Solange die Benutzer-PIN gesperrt ist, kann keine PIN eingegeben werden.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>hsm::ui::ProbePage</name>
    <message>
        <source>Use HTTP&amp;S for /health</source>
        <translation>HTTP&amp;S für /health verwenden</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>gateway host name or address</source>
        <translation>Hostname oder Adresse des Gateways</translation>
    </message>
    <message>
        <source>Gateway host</source>
        <translation>Gateway-Host</translation>
    </message>
    <message>
        <source>Ports to check</source>
        <translation>Zu prüfende Ports</translation>
    </message>
    <message>
        <source>Comma-separated; change them when the gateway&apos;s ports are mapped to others.</source>
        <translation>Durch Kommas getrennt; anpassen, wenn die Ports des Gateways auf andere abgebildet sind.</translation>
    </message>
    <message>
        <source>Port serving /health</source>
        <translation>Port für /health</translation>
    </message>
    <message>
        <source>Use HTTPS for /health</source>
        <translation>HTTPS für /health verwenden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Timeout per check</source>
        <translation>Zeitlimit pro Prüfung</translation>
    </message>
    <message>
        <source>Probe the gateway</source>
        <translation>Das Gateway prüfen</translation>
    </message>
    <message>
        <source>Probe results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;orts:</source>
        <translation>P&amp;orts:</translation>
    </message>
    <message>
        <source>/health po&amp;rt:</source>
        <translation>/health-Po&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s host name or address.</source>
        <translation>Hostname oder Adresse des Gateways eingeben.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a port number.</source>
        <translation>„%1“ ist keine Portnummer.</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>GET /health</source>
        <translation>GET /health</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>The gateway answers on every port and /health is OK.</source>
        <translation>Das Gateway antwortet auf jedem Port, und /health ist OK.</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>%n Prüfung ist fehlgeschlagen.</numerusform>
            <numerusform>%n Prüfungen sind fehlgeschlagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hsm::ui::RotateKekDialog</name>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Rotate KEK</source>
        <translation>KEK wechseln</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) is encrypted under the KEK &apos;%3&apos; with %4. The fragment is decrypted and encrypted under the new KEK inside the HSM; %5 is rewritten, keeping the previous version as %5.bak, only when the fingerprints before and after are equal.</source>
        <translation>„%1“ (%2) ist unter dem KEK „%3“ mit %4 verschlüsselt. Das Fragment wird im HSM entschlüsselt und unter dem neuen KEK verschlüsselt; %5 wird nur dann neu geschrieben, mit der vorigen Fassung als %5.bak, wenn die Fingerabdrücke vorher und nachher gleich sind.</translation>
    </message>
    <message>
        <source>New KEK</source>
        <translation>Neuer KEK</translation>
    </message>
    <message>
        <source>Wrap algorithm for the new KEK</source>
        <translation>Verschlüsselungsalgorithmus für den neuen KEK</translation>
    </message>
    <message>
        <source>not rotated yet</source>
        <translation>noch nicht gewechselt</translation>
    </message>
    <message>
        <source>Fingerprint before</source>
        <translation>Fingerabdruck vorher</translation>
    </message>
    <message>
        <source>Fingerprint after</source>
        <translation>Fingerabdruck nachher</translation>
    </message>
    <message>
        <source>Rotation message</source>
        <translation>Meldung zum KEK-Wechsel</translation>
    </message>
    <message>
        <source>Rotate the KEK</source>
        <translation>Den KEK wechseln</translation>
    </message>
    <message>
        <source>&amp;New KEK:</source>
        <translation>&amp;Neuer KEK:</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>&amp;Algorithmus:</translation>
    </message>
    <message>
        <source>Fingerprint &amp;before:</source>
        <translation>Fingerabdruck &amp;vorher:</translation>
    </message>
    <message>
        <source>Fingerprint a&amp;fter:</source>
        <translation>Fingerabdruck na&amp;chher:</translation>
    </message>
    <message>
        <source>Reading the token&apos;s key-encryption keys…</source>
        <translation>Die Schlüsselverschlüsselungsschlüssel des Tokens werden gelesen …</translation>
    </message>
    <message>
        <source>Could not read the token&apos;s keys: %1</source>
        <translation>Die Schlüssel des Tokens konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (the current KEK)</source>
        <translation>%1 (der aktuelle KEK)</translation>
    </message>
    <message>
        <source>The token shows no key-encryption key (RSA key pair or AES key). Create one (create-key --key-type aes|rsa), or log in to see private keys.</source>
        <translation>Das Token zeigt keinen Schlüsselverschlüsselungsschlüssel (RSA-Schlüsselpaar oder AES-Schlüssel). Erstellen Sie einen (create-key --key-type aes|rsa), oder melden Sie sich an, um private Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>Checking &apos;%1&apos; with encrypt/decrypt round trips…</source>
        <translation>„%1“ wird mit Hin- und Rückwegen aus Ver- und Entschlüsselung geprüft …</translation>
    </message>
    <message>
        <source>Not offered, because the round trip failed on this module: %1</source>
        <translation>Nicht angeboten, weil der Hin- und Rückweg auf diesem Modul fehlschlug: %1</translation>
    </message>
    <message>
        <source>Choose the new KEK first.</source>
        <translation>Wählen Sie zuerst den neuen KEK.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1 has no fragment with id &apos;%2&apos; any more.</source>
        <translation>Nichts wurde geändert: %1 hat kein Fragment mit der ID „%2“ mehr.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1 is %2; only hsm_wrap_encrypt fragments have a KEK to rotate.</source>
        <translation>Nichts wurde geändert: %1 ist %2; nur hsm_wrap_encrypt-Fragmente haben einen KEK, der gewechselt werden kann.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1 is already encrypted under &apos;%2&apos;; choose another KEK.</source>
        <translation>Nichts wurde geändert: %1 ist bereits unter „%2“ verschlüsselt; wählen Sie einen anderen KEK.</translation>
    </message>
    <message>
        <source>Decrypting with &apos;%1&apos; and encrypting under &apos;%2&apos; in the HSM…</source>
        <translation>Im HSM wird mit „%1“ entschlüsselt und unter „%2“ verschlüsselt …</translation>
    </message>
    <message>
        <source>The rotation was cancelled; nothing was changed.</source>
        <translation>Der KEK-Wechsel wurde abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1 %2</source>
        <translation>Nichts wurde geändert: %1 %2</translation>
    </message>
    <message>
        <source>The token is not logged in: log in and the rotation starts again.</source>
        <translation>Das Token ist nicht angemeldet: Melden Sie sich an, dann beginnt der KEK-Wechsel erneut.</translation>
    </message>
    <message>
        <source>Nothing was changed: the fingerprints before and after differ.</source>
        <translation>Nichts wurde geändert: Die Fingerabdrücke vorher und nachher unterscheiden sich.</translation>
    </message>
    <message>
        <source>Nothing was changed: the entry %1 in %2 changed while it was rotated; open the file again and retry.</source>
        <translation>Nichts wurde geändert: Der Eintrag %1 in %2 hat sich während des Wechsels geändert; öffnen Sie die Datei erneut und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>%1 is now encrypted under &apos;%2&apos; with %3; the fingerprints are equal. %4 was rewritten; the previous version is %4.bak.</source>
        <translation>%1 ist jetzt unter „%2“ mit %3 verschlüsselt; die Fingerabdrücke sind gleich. %4 wurde neu geschrieben; die vorige Fassung ist %4.bak.</translation>
    </message>
</context>
<context>
    <name>hsm::ui::SavePage</name>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Replace the existing fragment of this name</source>
        <translation>Das vorhandene Fragment dieses Namens e&amp;rsetzen</translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Save and Deploy</source>
        <translation>Speichern und bereitstellen</translation>
    </message>
    <message>
        <source>Choose the customer_fragments.json to add the fragment to. Finish writes it (only you can read it; the previous version is kept as .bak).</source>
        <translation>Die customer_fragments.json wählen, zu der das Fragment hinzukommt. „Abschließen“ schreibt sie (nur Sie können sie lesen; die vorige Fassung bleibt als .bak erhalten).</translation>
    </message>
    <message>
        <source>Fragments fi&amp;le:</source>
        <translation>&amp;Fragmentdatei:</translation>
    </message>
    <message>
        <source>Fragments file</source>
        <translation>Fragmentdatei</translation>
    </message>
    <message>
        <source>Browse for the fragments file</source>
        <translation>Die Fragmentdatei suchen</translation>
    </message>
    <message>
        <source>Fragments &amp;in the file:</source>
        <translation>Fragmente &amp;in der Datei:</translation>
    </message>
    <message>
        <source>Fragments in the file</source>
        <translation>Fragmente in der Datei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Schlüssel-Label</translation>
    </message>
    <message>
        <source>Merge status</source>
        <translation>Zusammenführungsstatus</translation>
    </message>
    <message>
        <source>Replace the existing fragment of this name</source>
        <translation>Das vorhandene Fragment dieses Namens ersetzen</translation>
    </message>
    <message>
        <source>Gateway deployment</source>
        <translation>Bereitstellung des Gateways</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen …</translation>
    </message>
    <message>
        <source>The file was not written: %1</source>
        <translation>Die Datei wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Fragments File</source>
        <translation>Fragmentdatei</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the path of the fragments file.</source>
        <translation>Den Pfad der Fragmentdatei eingeben.</translation>
    </message>
    <message>
        <source>Finish replaces the fragment named &apos;%1&apos;; the gateway then loses the old fragment&apos;s value.</source>
        <translation>„Abschließen“ ersetzt das Fragment namens „%1“; das Gateway verliert dann den Wert des alten Fragments.</translation>
    </message>
    <message>
        <source>%1 does not exist yet: Finish creates it with &apos;%2&apos;.</source>
        <translation>%1 existiert noch nicht: „Abschließen“ legt die Datei mit „%2“ an.</translation>
    </message>
    <message>
        <source>Finish adds &apos;%1&apos; to the file (fragments there now: %2).</source>
        <translation>„Abschließen“ fügt „%1“ zur Datei hinzu (dortige Fragmente: %2).</translation>
    </message>
</context>
<context>
    <name>hsm::ui::SlotPage</name>
    <message>
        <source>Slot ID</source>
        <translation>Slot-ID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Hardware version</source>
        <translation>Hardwareversion</translation>
    </message>
    <message>
        <source>Firmware version</source>
        <translation>Firmwareversion</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Select a slot or token in the tree.</source>
        <translation>Einen Slot oder ein Token im Baum wählen.</translation>
    </message>
    <message>
        <source>%1 (0x%2)</source>
        <translation>%1 (0x%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>hsm::ui::StatusLine</name>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
</context>
<context>
    <name>hsm::ui::TokenPage</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Open sessions</source>
        <translation>Offene Sitzungen</translation>
    </message>
    <message>
        <source>Max sessions</source>
        <translation>Max. Sitzungen</translation>
    </message>
    <message>
        <source>Open R/W sessions</source>
        <translation>Offene R/W-Sitzungen</translation>
    </message>
    <message>
        <source>Max R/W sessions</source>
        <translation>Max. R/W-Sitzungen</translation>
    </message>
    <message>
        <source>Min PIN length</source>
        <translation>Min. PIN-Länge</translation>
    </message>
    <message>
        <source>Max PIN length</source>
        <translation>Max. PIN-Länge</translation>
    </message>
    <message>
        <source>Public memory (free / total)</source>
        <translation>Öffentlicher Speicher (frei / gesamt)</translation>
    </message>
    <message>
        <source>Private memory (free / total)</source>
        <translation>Privater Speicher (frei / gesamt)</translation>
    </message>
    <message>
        <source>Hardware version</source>
        <translation>Hardwareversion</translation>
    </message>
    <message>
        <source>Firmware version</source>
        <translation>Firmwareversion</translation>
    </message>
    <message>
        <source>Token clock (UTC)</source>
        <translation>Uhr des Tokens (UTC)</translation>
    </message>
    <message>
        <source>Select a slot or token in the tree.</source>
        <translation>Einen Slot oder ein Token im Baum wählen.</translation>
    </message>
    <message>
        <source>The token in slot %1 cannot be read: %2</source>
        <translation>Das Token in Slot %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Slot %1 has no token.</source>
        <translation>Slot %1 enthält kein Token.</translation>
    </message>
    <message>
        <source>(not initialized)</source>
        <translation>(nicht initialisiert)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>hsm::ui::TokenSelectorWidget</name>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy U&amp;RI</source>
        <translation>U&amp;RI kopieren</translation>
    </message>
    <message>
        <source>The gateway finds its token through one environment variable. Choose the token and how to name it; the serial is the safest, since labels can be shared and slot numbers can change.</source>
        <translation>Das Gateway findet sein Token über eine Umgebungsvariable. Das Token wählen und wie es benannt wird; die Seriennummer ist am sichersten, da Labels mehrfach vorkommen und Slotnummern sich ändern können.</translation>
    </message>
    <message>
        <source>&amp;Initialized tokens:</source>
        <translation>&amp;Initialisierte Token:</translation>
    </message>
    <message>
        <source>Initialized tokens</source>
        <translation>Initialisierte Token</translation>
    </message>
    <message>
        <source>Select the token &amp;by:</source>
        <translation>Das Token &amp;wählen über:</translation>
    </message>
    <message>
        <source>Select the token by</source>
        <translation>Das Token wählen über</translation>
    </message>
    <message>
        <source>Serial (HSM_TOKEN_SERIAL) – recommended</source>
        <translation>Seriennummer (HSM_TOKEN_SERIAL) – empfohlen</translation>
    </message>
    <message>
        <source>Label (HSM_TOKEN_LABEL)</source>
        <translation>Label (HSM_TOKEN_LABEL)</translation>
    </message>
    <message>
        <source>Slot (HSM_SLOT)</source>
        <translation>Slot (HSM_SLOT)</translation>
    </message>
    <message>
        <source>G&amp;ateway environment:</source>
        <translation>G&amp;ateway-Umgebung:</translation>
    </message>
    <message>
        <source>Gateway environment line</source>
        <translation>Umgebungszeile für das Gateway</translation>
    </message>
    <message>
        <source>Copy the gateway environment line</source>
        <translation>Die Umgebungszeile für das Gateway kopieren</translation>
    </message>
    <message>
        <source>PKCS#11 &amp;URI:</source>
        <translation>PKCS#11-&amp;URI:</translation>
    </message>
    <message>
        <source>PKCS#11 URI of the token</source>
        <translation>PKCS#11-URI des Tokens</translation>
    </message>
    <message>
        <source>Copy the PKCS#11 URI</source>
        <translation>Die PKCS#11-URI kopieren</translation>
    </message>
    <message>
        <source>Shared label warning</source>
        <translation>Warnung vor mehrfachem Label</translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>No initialized token is present.</source>
        <translation>Kein initialisiertes Token vorhanden.</translation>
    </message>
    <message>
        <source>Choose a token above.</source>
        <translation>Oben ein Token wählen.</translation>
    </message>
    <message>
        <source>Another token has the same label &apos;%1&apos;: %2. Given HSM_TOKEN_LABEL, the gateway could pick either of them. Select the token by its serial instead (HSM_TOKEN_SERIAL=%3).</source>
        <translation>Ein anderes Token hat dasselbe Label „%1“: %2. Mit HSM_TOKEN_LABEL könnte das Gateway jedes der beiden nehmen. Das Token stattdessen über seine Seriennummer wählen (HSM_TOKEN_SERIAL=%3).</translation>
    </message>
</context>
<context>
    <name>hsm::ui::VerifyPage</name>
    <message>
        <source>Verification status</source>
        <translation>Status der Verifikation</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Generate and Verify</source>
        <translation>Erzeugen und verifizieren</translation>
    </message>
    <message>
        <source>Generated fragment</source>
        <translation>Erzeugtes Fragment</translation>
    </message>
    <message>
        <source>Fingerprint of the derived value</source>
        <translation>Fingerabdruck des abgeleiteten Werts</translation>
    </message>
    <message>
        <source>not derived yet</source>
        <translation>noch nicht abgeleitet</translation>
    </message>
    <message>
        <source>Generate and verify again</source>
        <translation>Erneut erzeugen und verifizieren</translation>
    </message>
    <message>
        <source>Stop generating and verifying</source>
        <translation>Erzeugen und Verifizieren anhalten</translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation>&amp;Fingerabdruck:</translation>
    </message>
    <message>
        <source>Stopped: nothing was generated. Retry starts again.</source>
        <translation>Angehalten: Nichts wurde erzeugt. „Wiederholen“ beginnt von vorn.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;, %2</source>
        <translation>„%1“, %2</translation>
    </message>
    <message>
        <source>Generating the fragment…</source>
        <translation>Das Fragment wird erzeugt …</translation>
    </message>
    <message>
        <source>Could not generate the fragment</source>
        <translation>Das Fragment konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos;, %2, id %3, derived with the key &apos;%4&apos;; seed from %5 entropy.</source>
        <translation>„%1“, %2, ID %3, abgeleitet mit dem Schlüssel „%4“; Seed aus Entropie von %5.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;, %2, id %3; seed from %4 entropy.</source>
        <translation>„%1“, %2, ID %3; Seed aus Entropie von %4.</translation>
    </message>
    <message>
        <source>Deriving the value (1 of %1)…</source>
        <translation>Der Wert wird abgeleitet (1 von %1) …</translation>
    </message>
    <message>
        <source>Could not derive the fragment</source>
        <translation>Das Fragment konnte nicht abgeleitet werden</translation>
    </message>
    <message>
        <source>Deriving the value (%1 of %2)…</source>
        <translation>Der Wert wird abgeleitet (%1 von %2) …</translation>
    </message>
    <message>
        <source>The two derivations differ (%1, then %2): the HSM does not compute the same HMAC twice, so the gateway could not rely on this fragment.</source>
        <translation>Die beiden Ableitungen unterscheiden sich (%1, dann %2): Das HSM berechnet nicht zweimal denselben HMAC, daher könnte sich das Gateway nicht auf dieses Fragment verlassen.</translation>
    </message>
    <message>
        <source>Both derivations gave the same value. Next: where to write it.</source>
        <translation>Beide Ableitungen ergaben denselben Wert. Als Nächstes: wohin es geschrieben wird.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
Not logged in, so not tried again: %2 Retry asks for the PIN.</source>
        <translation>%1
Nicht angemeldet, daher nicht erneut versucht: %2 „Wiederholen“ fragt nach der PIN.</translation>
    </message>
    <message>
        <source>The token is not logged in any more: log in and the fragment is generated again.</source>
        <translation>Das Token ist nicht mehr angemeldet: Nach der Anmeldung wird das Fragment erneut erzeugt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;, %2, id %3, encrypted in the HSM under the KEK &apos;%4&apos; with %5; seed from %6 entropy. The fingerprint is of the fragment decrypted again in the HSM.</source>
        <translation>„%1“, %2, ID %3, im HSM unter dem KEK „%4“ mit %5 verschlüsselt; Seed aus Entropie von %6. Der Fingerabdruck ist der des im HSM wieder entschlüsselten Fragments.</translation>
    </message>
    <message>
        <source>The fragment is generated and derived twice through the HSM, with HSM Admin&apos;s documented scheme. Nothing is written yet.</source>
        <translation>Das Fragment wird erzeugt und zweimal über das HSM abgeleitet, mit dem dokumentierten Verfahren von HSM Admin. Noch wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>The fingerprint is the start of the SHA-256 of the derived value: safe to show and compare, e.g. with `hsm-admin-cli derive --name NAME` on the gateway&apos;s host. It proves that this file, this key and HSM Admin&apos;s scheme give this value, and that two HSMs showing it hold the same key. The vendor does not publish the gateway&apos;s own derivation, so it is not the gateway&apos;s internal value. The value itself is never shown.</source>
        <translation>Der Fingerabdruck ist der Anfang des SHA-256 des abgeleiteten Werts: unbedenklich anzuzeigen und zu vergleichen, z. B. mit `hsm-admin-cli derive --name NAME` auf dem Host des Gateways. Er belegt, dass diese Datei, dieser Schlüssel und das Verfahren von HSM Admin diesen Wert ergeben und dass zwei HSMs, die ihn zeigen, denselben Schlüssel halten. Der Hersteller veröffentlicht die Ableitung des Gateways nicht, daher ist es nicht der interne Wert des Gateways. Der Wert selbst wird nie angezeigt.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Administer the PKCS#11 HSM behind the secrets gateway.</source>
        <translation>Das PKCS#11-HSM hinter dem Secrets-Gateway verwalten.</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>Der auszuführende Befehl.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Run &apos;hsm-admin-cli --help&apos; for usage.</source>
        <translation>„hsm-admin-cli --help“ zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>error: unknown command &apos;%1&apos;; run &apos;hsm-admin-cli --help&apos; for the list.</source>
        <translation>Fehler: unbekannter Befehl „%1“; „hsm-admin-cli --help“ zeigt die Liste.</translation>
    </message>
    <message>
        <source>Run &apos;hsm-admin-cli %1 --help&apos; for usage.</source>
        <translation>„hsm-admin-cli %1 --help“ zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>error: unexpected argument &apos;%1&apos;.</source>
        <translation>Fehler: unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>--format must be text or json, not &apos;%1&apos;.</source>
        <translation>--format muss text oder json sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds from 0 to 86400, not &apos;%1&apos;.</source>
        <translation>--timeout muss eine Anzahl Sekunden von 0 bis 86400 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>The output could not be written to standard output.</source>
        <translation>Die Ausgabe konnte nicht auf die Standardausgabe geschrieben werden.</translation>
    </message>
    <message>
        <source>The output could not be written to standard output: %1.</source>
        <translation>Die Ausgabe konnte nicht auf die Standardausgabe geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The PKCS#11 library to load (default: $PKCS11_LIB_PATH, else the last one opened, else the demo HSM).</source>
        <translation>Die zu ladende PKCS#11-Bibliothek (Standard: $PKCS11_LIB_PATH, sonst die zuletzt geöffnete, sonst das Demo-HSM).</translation>
    </message>
    <message>
        <source>&lt;command&gt; [options]</source>
        <translation>&lt;Befehl&gt; [Optionen]</translation>
    </message>
    <message>
        <source>--%1 names %2, which is also the file of --%3; nothing was written. Give --%1 a file of its own.</source>
        <translation>--%1 nennt %2, das auch die Datei von --%3 ist; es wurde nichts geschrieben. Geben Sie --%1 eine eigene Datei.</translation>
    </message>
</context>
</TS>
