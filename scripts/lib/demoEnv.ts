// The main job runs n8n-core in-process with a throw-away settings folder (harness/env.ts): give it a key so it does
// not generate one and print "No encryption key found" into the demo's output. Nothing is encrypted in these runs.
// Left alone when you point N8N_USER_FOLDER at a folder of your own (its config holds its key).
if (!process.env.N8N_USER_FOLDER) process.env.N8N_ENCRYPTION_KEY ??= 'behavioral-segments-main-job';
